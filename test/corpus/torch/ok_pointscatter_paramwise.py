# Idiom seen in: zhangzhao2022/pointscatter configs/_base_/schedules/schedule_40k.py
# What it reproduces: an mmseg-style optimizer dict (SGD, momentum 0.9, weight_decay 5e-4) plus a paramwise_cfg
#   with norm_decay_mult=0 and bias_decay_mult=0, applied by a small builder that puts norm and bias params in
#   groups with weight_decay 0 (conv kernels keep the 5e-4): clean.
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F

from vessel_data import build_dataloader

optimizer = dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=0.0005,
                 paramwise_cfg=dict(norm_decay_mult=0.0, bias_decay_mult=0.0))
lr_config = dict(policy='poly', power=0.9, min_lr=1e-4, by_epoch=False)
runner = dict(type='IterBasedRunner', max_iters=40000)

NORM_TYPES = (nn.BatchNorm2d, nn.GroupNorm, nn.SyncBatchNorm, nn.LayerNorm)


def build_optimizer(model, cfg):
    cfg = copy.deepcopy(cfg)
    paramwise_cfg = cfg.pop('paramwise_cfg', {})
    opt_type = cfg.pop('type')
    base_wd = cfg.get('weight_decay', 0.0)
    norm_mult = paramwise_cfg.get('norm_decay_mult', 1.0)
    bias_mult = paramwise_cfg.get('bias_decay_mult', 1.0)
    params = []
    for module in model.modules():
        for name, param in module.named_parameters(recurse=False):
            if not param.requires_grad:
                continue
            group = {'params': [param]}
            if isinstance(module, NORM_TYPES):
                group['weight_decay'] = base_wd * norm_mult
            elif name == 'bias':
                group['weight_decay'] = base_wd * bias_mult
            params.append(group)
    return getattr(torch.optim, opt_type)(params, **cfg)


class FCNHead(nn.Module):
    def __init__(self, in_ch=3, ch=64, num_classes=2):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(in_ch, ch, 3, padding=1, bias=False), nn.BatchNorm2d(ch), nn.ReLU(inplace=True),
            nn.Conv2d(ch, ch, 3, padding=1, bias=False), nn.BatchNorm2d(ch), nn.ReLU(inplace=True))
        self.cls = nn.Conv2d(ch, num_classes, 1)

    def forward(self, x):
        return self.cls(self.body(x))


def main():
    model = FCNHead()
    opt = build_optimizer(model, optimizer)
    loader = build_dataloader('data/DRIVE', samples_per_gpu=4)
    max_iters = runner['max_iters']
    it = 0
    while it < max_iters:
        for img, mask in loader:
            lr = (optimizer['lr'] - lr_config['min_lr']) * (1 - it / max_iters) ** lr_config['power'] + lr_config['min_lr']
            for g in opt.param_groups:
                g['lr'] = lr
            loss = F.cross_entropy(model(img), mask)
            opt.zero_grad()
            loss.backward()
            opt.step()
            it += 1
            if it >= max_iters:
                break


if __name__ == '__main__':
    main()
