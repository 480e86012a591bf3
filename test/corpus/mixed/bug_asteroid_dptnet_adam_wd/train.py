# Idiom seen in: asteroid-team/asteroid egs/librimix/DPTNet/train.py
# Idiom seen in: asteroid-team/asteroid egs/wham/DPRNN/train.py
# What it reproduces: an asteroid recipe: DPTNet built from the conf, make_optimizer(model.parameters(),
# **conf["optim"]) (Adam + weight_decay from conf.py), a Lightning System trained by pl.Trainer; the single decayed
# group covers the gLN norms and all biases of the separator.

import argparse
import os

import pytorch_lightning as pl
import torch
from pytorch_lightning.callbacks import EarlyStopping, ModelCheckpoint
from torch.utils.data import DataLoader

from asteroid.data import LibriMix
from asteroid.engine.schedulers import DPTNetScheduler
from asteroid.engine.system import System
from asteroid.losses import PITLossWrapper, pairwise_neg_sisdr
from asteroid.models import DPTNet

from optimizers import make_optimizer

parser = argparse.ArgumentParser()
parser.add_argument("--exp_dir", default="exp/tmp", help="Full path to save best validation model")


def main(conf):
    train_set = LibriMix(csv_dir=conf["data"]["train_dir"], task=conf["data"]["task"],
                         sample_rate=conf["data"]["sample_rate"], n_src=conf["data"]["n_src"],
                         segment=conf["data"]["segment"])
    val_set = LibriMix(csv_dir=conf["data"]["valid_dir"], task=conf["data"]["task"],
                       sample_rate=conf["data"]["sample_rate"], n_src=conf["data"]["n_src"],
                       segment=conf["data"]["segment"])
    train_loader = DataLoader(train_set, shuffle=True, batch_size=conf["training"]["batch_size"],
                              num_workers=conf["training"]["num_workers"], drop_last=True)
    val_loader = DataLoader(val_set, shuffle=False, batch_size=conf["training"]["batch_size"],
                            num_workers=conf["training"]["num_workers"], drop_last=True)
    conf["masknet"].update({"n_src": conf["data"]["n_src"]})

    model = DPTNet(**conf["filterbank"], **conf["masknet"], sample_rate=conf["data"]["sample_rate"])
    optimizer = make_optimizer(model.parameters(), **conf["optim"])  # expect: WD203
    scheduler = {"scheduler": DPTNetScheduler(optimizer, len(train_loader) // conf["training"]["batch_size"], 64),
                 "interval": "step"}

    exp_dir = conf["main_args"]["exp_dir"]
    os.makedirs(exp_dir, exist_ok=True)
    loss_func = PITLossWrapper(pairwise_neg_sisdr, pit_from="pw_mtx")
    system = System(model=model, loss_func=loss_func, optimizer=optimizer, train_loader=train_loader,
                    val_loader=val_loader, scheduler=scheduler, config=conf)

    callbacks = [ModelCheckpoint(os.path.join(exp_dir, "checkpoints/"), monitor="val_loss", mode="min",
                                 save_top_k=5, verbose=True)]
    if conf["training"]["early_stop"]:
        callbacks.append(EarlyStopping(monitor="val_loss", mode="min", patience=30, verbose=True))
    trainer = pl.Trainer(max_epochs=conf["training"]["epochs"], callbacks=callbacks, default_root_dir=exp_dir,
                         accelerator="gpu" if torch.cuda.is_available() else "cpu", strategy="ddp",
                         gradient_clip_val=conf["training"]["gradient_clipping"])
    trainer.fit(system)

    best = torch.load(callbacks[0].best_model_path, map_location="cpu")
    system.load_state_dict(state_dict=best["state_dict"])
    torch.save(system.model.serialize(), os.path.join(exp_dir, "best_model.pth"))


if __name__ == "__main__":
    from conf import def_conf

    args = parser.parse_args()
    main(dict(def_conf, main_args=vars(args)))
