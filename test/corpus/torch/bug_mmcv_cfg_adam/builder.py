# Idiom seen in: open-mmlab/mmcv mmcv/runner/optimizer/builder.py
# What it reproduces: a registry-free build_optimizer: deep-copy the config, pop 'type', look the
# class up in torch.optim and splat the rest; all of model.parameters() in one decayed group.
import copy

import torch


def build_optimizer(model, cfg):
    optimizer_cfg = copy.deepcopy(cfg)
    optim_type = optimizer_cfg.pop('type')
    optim_cls = getattr(torch.optim, optim_type)
    return optim_cls(model.parameters(), **optimizer_cfg)  # expect: WD203
