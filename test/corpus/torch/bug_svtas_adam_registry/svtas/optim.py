# Idiom seen in: Thinksky5124/SVTAS config/_base_/schedules/optimizer/adam.py
# What it reproduces: an optimizer registry (AdamOptimizer subclassing torch.optim.Adam, built from an
# OPTIMIZER dict with weight_decay=1e-4): coupled L2 under Adam, applied to every trainable parameter.
import torch

OPTIMIZER_REGISTRY = {}


def register(cls):
    OPTIMIZER_REGISTRY[cls.__name__] = cls
    return cls


@register
class AdamOptimizer(torch.optim.Adam):
    def __init__(self, model, learning_rate=0.01, betas=(0.9, 0.999), weight_decay=1e-4,
                 **kwargs) -> None:
        super().__init__(params=filter(lambda p: p.requires_grad, model.parameters()),  # expect: WD203
                         lr=learning_rate, betas=betas,
                         weight_decay=weight_decay)  # expect: WD202


def build_optimizer(cfg, model):
    cfg = dict(cfg)
    name = cfg.pop('name')
    return OPTIMIZER_REGISTRY[name](model, **cfg)
