# Idiom seen in: mit-han-lab/efficientvit efficientvit/apps/utils/opt.py
# What it reproduces: a registry maps an optimizer name to its torch class and default kwargs; the caller
# hands in ready-made parameter groups that already carry their own weight_decay.
import torch

__all__ = ["REGISTERED_OPTIMIZER_DICT", "build_optimizer"]

REGISTERED_OPTIMIZER_DICT = {
    "sgd": (torch.optim.SGD, {"momentum": 0.9, "nesterov": True}),
    "adamw": (torch.optim.AdamW, {"betas": (0.9, 0.999), "eps": 1e-8, "amsgrad": False}),
}


def build_optimizer(net_params, optimizer_name, optimizer_params, init_lr):
    optimizer_class, default_params = REGISTERED_OPTIMIZER_DICT[optimizer_name]
    optimizer_params = optimizer_params or {}
    for key in default_params:
        if key in optimizer_params:
            default_params[key] = optimizer_params[key]
    optimizer = optimizer_class(net_params, init_lr, **default_params)
    return optimizer
