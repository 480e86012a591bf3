# Idiom seen in: Iarrova/lightning-template src/model/model.py
# Idiom seen in: Iarrova/lightning-template src/model/optimizers.py
# What it reproduces: a Lightning Model whose configure_optimizers goes through an OptimizerFactory (StrEnum match); the AdamW case
# receives two parameter groups, rank>1 tensors decayed and biases/norm weights at 0.0. Clean (the repo factory only had Adam).
from enum import StrEnum

import torch
import torch.optim as optim


class Optimizer(StrEnum):
    ADAM = "Adam"
    ADAMW = "AdamW"


class OptimizerFactory:
    @staticmethod
    def create(params, optimizer: Optimizer, learning_rate: float) -> torch.optim.Optimizer:
        match optimizer:
            case Optimizer.ADAM:
                return optim.Adam(params, lr=learning_rate)
            case Optimizer.ADAMW:
                return optim.AdamW(params, lr=learning_rate)
            case _:
                raise ValueError(f"Unknown optimizer: {optimizer}")


def param_groups(module: torch.nn.Module, weight_decay: float):
    decay, no_decay = [], []
    for name, p in module.named_parameters():
        if not p.requires_grad:
            continue
        if p.ndim <= 1 or name.endswith(".bias"):
            no_decay.append(p)
        else:
            decay.append(p)
    return [
        {"params": decay, "weight_decay": weight_decay},
        {"params": no_decay, "weight_decay": 0.0},
    ]
