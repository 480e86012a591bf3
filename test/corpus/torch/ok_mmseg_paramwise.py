# Idiom seen in: ChenJiangxi/Urban-Green-Community-Segmentation configs/_base_/schedules/schedule_80k.py
# What it reproduces: the same SGD schedule dict with a paramwise constructor written out
# (norm_decay_mult=0, bias_decay_mult=0, head lr_mult=10): decay only on kernels. Clean.
import torch
import torch.nn as nn

from mmseg_lite.models import build_segmentor
from mmseg_lite.datasets import build_dataloader

optimizer = dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=0.0005,
                 paramwise_cfg=dict(norm_decay_mult=0.0, bias_decay_mult=0.0,
                                    custom_keys={'decode_head': dict(lr_mult=10.0)}))

_NORMS = (nn.BatchNorm2d, nn.SyncBatchNorm, nn.GroupNorm, nn.LayerNorm)


def add_params(model, cfg):
    base_lr, base_wd = cfg['lr'], cfg['weight_decay']
    pcfg = cfg['paramwise_cfg']
    groups = []
    for mod_name, module in model.named_modules():
        for name, param in module.named_parameters(recurse=False):
            if not param.requires_grad:
                continue
            group = {'params': [param], 'lr': base_lr, 'weight_decay': base_wd}
            if isinstance(module, _NORMS):
                group['weight_decay'] = base_wd * pcfg['norm_decay_mult']
            elif name == 'bias':
                group['weight_decay'] = base_wd * pcfg['bias_decay_mult']
            for key, mult in pcfg['custom_keys'].items():
                if key in mod_name:
                    group['lr'] = base_lr * mult['lr_mult']
            groups.append(group)
    return groups


def main():
    model = build_segmentor('pspnet_r50', num_classes=2).cuda()
    groups = add_params(model, optimizer)
    opt = torch.optim.SGD(groups, lr=optimizer['lr'], momentum=optimizer['momentum'])
    loader = build_dataloader('data/urban_green', samples_per_gpu=4)
    for batch in loader:
        losses = model(batch['img'].cuda(), batch['gt_semantic_seg'].cuda())
        loss = sum(losses.values())
        opt.zero_grad()
        loss.backward()
        opt.step()


if __name__ == '__main__':
    main()
