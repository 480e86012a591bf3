# Idiom seen in: open-mmlab/mmocr configs/_base_/schedules/schedule_2e.py
# What it reproduces: the mmocr SGD schedule (lr 0.007, momentum 0.9, weight_decay 1e-4, poly lr)
#   applied by a standalone trainer with BN/bias parameters in a zero-decay group. Clean.
import torch
import torch.nn as nn
import torch.nn.functional as F

from textdet import DBNet
from textdet_data import build_icdar2015_loader

optimizer = dict(type='SGD', lr=0.007, momentum=0.9, weight_decay=0.0001)
lr_config = dict(policy='poly', power=0.9, min_lr=1e-4, by_epoch=True)
total_epochs = 2


def norm_bias_split(model):
    decay, no_decay = [], []
    for module in model.modules():
        for name, p in module.named_parameters(recurse=False):
            if isinstance(module, (nn.BatchNorm2d, nn.GroupNorm)) or name == 'bias':
                no_decay.append(p)
            else:
                decay.append(p)
    return [{'params': decay}, {'params': no_decay, 'weight_decay': 0.0}]


model = DBNet(backbone='resnet18').cuda()
opt_cfg = dict(optimizer)
opt_cfg.pop('type')
opt = torch.optim.SGD(norm_bias_split(model), **opt_cfg)
loader = build_icdar2015_loader(batch_size=16)

for epoch in range(total_epochs):
    factor = (1 - epoch / total_epochs) ** lr_config['power']
    for g in opt.param_groups:
        g['lr'] = max(optimizer['lr'] * factor, lr_config['min_lr'])
    for img, gt in loader:
        losses = model(img.cuda(), gt)
        loss = sum(losses.values())
        opt.zero_grad()
        loss.backward()
        opt.step()
    print('epoch', epoch, loss.item())
