# Idiom seen in: andylolu2/idiots idiots/experiments/grokking/config.py
# What it reproduces: the ml_collections config of the grokking run: AdamW, lr 1e-3, weight_decay 0.1.
from ml_collections import ConfigDict


def get_config():
    config = ConfigDict()
    config.log_dir = "logs/checkpoints/grokking"
    config.seed = 0
    config.task = "x / y (mod 47)"
    config.loss_variant = "cross_entropy"
    config.steps = 100_000
    config.log_every = 100
    config.train_percentage = 0.5
    config.train_batch_size = 512

    config.model = dict(name="transformer", d_model=64, n_layers=2, n_heads=2)
    config.opt = dict(name="adamw", lr=1e-3, weight_decay=0.1, warmup_steps=10)
    return config
