# Idiom seen in: AmrMKayid/nam nam/config/default.py
# Idiom seen in: AmrMKayid/nam nam/config/base.py
# What it reproduces: the NAM defaults() config: decay_rate=0.995 (meant as a learning-rate decay factor) and
#   l2_regularization=0.0, exactly as the repo ships them. See engine.py / losses.py for what they drive.
import torch


class Config:
    def __init__(self, **kwargs):
        self.update(**kwargs)

    def update(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)


def defaults() -> Config:
    config = Config(
        device='cuda' if torch.cuda.is_available() else 'cpu',
        output_dir="output",
        training_epochs=3,
        lr=1e-2,
        batch_size=1024,
        hidden_sizes=[64, 32],
        activation='exu',
        optimizer='adam',
        dropout=0.5,
        feature_dropout=0.0,
        decay_rate=0.995,
        l2_regularization=0.0,
        output_regularization=0.0,
        num_basis_functions=1000,
        units_multiplier=2,
        num_units=64,
        seed=1377,
        regression=True,
        use_dnn=False,
        num_workers=16,
    )
    return config
