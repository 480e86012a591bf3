# Idiom seen in: zhangzhao2022/pointscatter configs/_base_/schedules/schedule_40k.py
# What it reproduces: mmseg-style schedule config `optimizer = dict(type='Adam', lr=0.001, weight_decay=0.0001)`
#   turned into torch.optim.Adam(model.parameters(), **cfg) by a small builder with no paramwise rules: coupled L2
#   under Adam, and decay on every BatchNorm and bias of the segmentation net (as the config does in mmcv).
import copy

import torch


def build_optimizer(model, cfg):
    cfg = copy.deepcopy(cfg)
    opt_type = cfg.pop('type')
    optim_cls = getattr(torch.optim, opt_type)
    return optim_cls(model.parameters(), **cfg)  # expect: WD203


def poly_lr(optimizer, base_lr, cur_iter, max_iters, power, min_lr):
    coeff = (1 - cur_iter / max_iters) ** power
    lr = (base_lr - min_lr) * coeff + min_lr
    for group in optimizer.param_groups:
        group['lr'] = lr
    return lr
