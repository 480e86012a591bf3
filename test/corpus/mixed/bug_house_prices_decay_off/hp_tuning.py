# Idiom seen in: Arnaud15/house_prices_mlp house_prices_mlp/hp_tuning.py
# What it reproduces: the NamedTuple of MLP hyperparameters, with a weight_decay switch and a decay_rate.
from typing import NamedTuple


class Args(NamedTuple):
    embed_size: int
    batch_size: int
    lr: float
    n_layers: int
    n_epochs: int
    hidden_size: int
    dropout_enabled: bool
    dropout_rate: float
    single_batch: bool
    weight_decay: bool
    decay_rate: float
    batch_norm: bool
    resnet: bool
