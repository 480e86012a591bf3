# Idiom seen in: yandex-research/tabular-dl-revisiting-models lib/deep.py
# What it reproduces: the project's optimizer factory: a name picks the torch.optim class, SGD gets
#   momentum, and weight_decay is passed as the default for every group that does not set its own.
import typing as ty

import torch.nn.functional as F
from torch import optim


def make_optimizer(
    optimizer: str,
    parameter_groups,
    lr: float,
    weight_decay: float,
) -> optim.Optimizer:
    Optimizer = {
        'adam': optim.Adam,
        'adamw': optim.AdamW,
        'sgd': optim.SGD,
    }[optimizer]
    momentum = (0.9,) if Optimizer is optim.SGD else ()
    return Optimizer(parameter_groups, lr, *momentum, weight_decay=weight_decay)


def get_activation_fn(name: str) -> ty.Callable:
    return {'relu': F.relu, 'gelu': F.gelu, 'sigmoid': F.sigmoid}[name]


def get_n_parameters(m) -> int:
    return sum(x.numel() for x in m.parameters() if x.requires_grad)
