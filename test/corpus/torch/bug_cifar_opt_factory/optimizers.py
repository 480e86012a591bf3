# Idiom seen in: cprimel/cifar10-pytorch utils/optimizer.py
# What it reproduces: a name-keyed optimizer factory taking the parameters and the decay; the 'adam'
#   branch passes weight_decay to torch.optim.Adam: coupled L2 (WD202). Every branch is reachable
#   because the name comes from a command-line option.
"""Optimizers.

Currently available optimizers:
    * SGD
    * Adam
    * AdamW
"""
import torch


def create_optimizer(params, opt_name: str = "sgd", lr: float = 0.01, weight_decay: float = 0.0,
                     eps: float = 1e-8) -> torch.optim.Optimizer:
    """Creates optimizer.

    Returns:
         Optimizer: a learning optimizer, subclassing torch.optim.Optimizer
    """
    optimizer = None
    if opt_name == "sgd":
        optimizer = torch.optim.SGD(params=params, lr=lr, weight_decay=weight_decay)
    elif opt_name == "adam":
        optimizer = torch.optim.Adam(params=params, lr=lr, eps=eps,
                                     weight_decay=weight_decay)  # expect: WD202
    elif opt_name == "adamw":
        optimizer = torch.optim.AdamW(params=params, lr=lr, weight_decay=weight_decay)
    return optimizer
