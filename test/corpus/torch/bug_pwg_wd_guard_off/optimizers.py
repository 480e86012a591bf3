# Idiom seen in: kan-bayashi/ParallelWaveGAN parallel_wavegan/bin/train.py
# What it reproduces: an optimizer helper in the recipe's style (class looked up by name, parameters
# splatted from the config) that builds decay / no-decay groups only `if weight_decay > 0`; every call
# in the workspace passes 0.0 from config.py, so the grouping and the decay are dead code.
import torch


def build_optimizer(model, optimizer_type, lr, eps=1.0e-6, weight_decay=0.0):
    optimizer_class = getattr(torch.optim, optimizer_type)
    if weight_decay > 0:  # expect: WD303
        decay, no_decay = [], []
        for name, param in model.named_parameters():
            if not param.requires_grad:
                continue
            if param.ndim <= 1 or name.endswith(".bias"):
                no_decay.append(param)
            else:
                decay.append(param)
        params = [
            {"params": decay, "weight_decay": weight_decay},
            {"params": no_decay, "weight_decay": 0.0},
        ]
    else:
        params = model.parameters()
    return optimizer_class(params, lr=lr, eps=eps)
