# Idiom seen in: zmgong/nam_with_attention nam/config/default.py
# What it reproduces: the defaults() Config of the PyTorch NAM port. `decay_rate=0.995` is the learning-rate
#   decay of the original TensorFlow NAM (tf.train.exponential_decay), kept under the same name, next to the
#   `l2_regularization` coefficient of the hand-written feature-net weight penalty.
# label-note: no findings on these lines; the values are consumed in litnam.py (AdamW) and nam/losses.py.
from types import SimpleNamespace

import torch


class Config(SimpleNamespace):
    def update(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)
        return self


def defaults() -> Config:
    return Config(
        device="cuda" if torch.cuda.is_available() else "cpu",
        seed=2021,
        data_path="data/GALLUP.csv",
        regression=False,
        num_epochs=10,
        lr=1e-2,
        batch_size=128,
        hidden_sizes=[64, 32],
        activation="exu",
        dropout=0.1,
        feature_dropout=0.1,
        decay_rate=0.995,
        l2_regularization=0.1,
        output_regularization=0.1,
        num_basis_functions=1000,
        units_multiplier=2,
        num_workers=4,
    )
