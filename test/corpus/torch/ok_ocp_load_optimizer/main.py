# Idiom seen in: FAIR-Chem/fairchem src/fairchem/core/trainers/base_trainer.py
# Idiom seen in: FAIR-Chem/fairchem configs/s2ef/2M/schnet/schnet.yml
# What it reproduces: the S2EF-style config (AdamW, weight_decay 0.01, EMA 0.999, AMP) given to the trainer
#   with a SchNet model; decay reaches only the weight matrices. Clean.
from base_trainer import BaseTrainer
from schnet import SchNetWrap
from datasets import get_lmdb_loader

config = {
    "amp": True,
    "cmd": {"print_every": 100},
    "optim": {
        "optimizer": "AdamW",
        "lr_initial": 0.0005,
        "weight_decay": 0.01,
        "optimizer_params": {"amsgrad": True},
        "ema_decay": 0.999,
        "clip_grad_norm": 10,
        "max_epochs": 30,
    },
}

if __name__ == "__main__":
    model = SchNetWrap(hidden_channels=1024, num_filters=256, num_interactions=5, cutoff=6.0)
    trainer = BaseTrainer(config, model, get_lmdb_loader("data/s2ef/2M/train", batch_size=32))
    trainer.train()
