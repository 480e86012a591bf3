# Idiom seen in: ChenJiangxi/Urban-Green-Community-Segmentation configs/_base_/schedules/schedule_80k.py
# What it reproduces: an mmseg-style schedule dict (SGD, weight_decay=0.0005, paramwise_cfg commented out)
# splatted by a small builder onto model.parameters(): BN and bias parameters are decayed as well.
import copy

import torch


def build_optimizer(model, cfg):
    optimizer_cfg = copy.deepcopy(cfg)
    opt_type = optimizer_cfg.pop('type')
    optimizer_cfg.pop('paramwise_cfg', None)
    return getattr(torch.optim, opt_type)(model.parameters(), **optimizer_cfg)  # expect: WD203
