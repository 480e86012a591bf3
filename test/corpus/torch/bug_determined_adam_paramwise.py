# Idiom seen in: determined-ai/determined model_hub/tests/fixtures/merge_config.py
# What it reproduces: the mmdet-style dict with type switched to 'Adam' by a user (weight_decay=0.0001 kept);
# the class is looked up by name, so the kernels get coupled L2 under Adam (norms/biases are excluded).
import torch
import torch.nn as nn

from mmdet_lite.models import build_detector
from mmdet_lite.datasets import build_dataloader

optimizer = dict(
    type='Adam',
    lr=0.0001,
    weight_decay=0.0001,
    paramwise_cfg=dict(custom_keys={'backbone': dict(lr_mult=0.1, decay_mult=1.0)}),
)


def build_optimizer(model, cfg):
    decay, no_decay, backbone_decay = [], [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        if p.ndim <= 1 or name.endswith('.bias'):
            no_decay.append(p)
        elif 'backbone' in name:
            backbone_decay.append(p)
        else:
            decay.append(p)
    optim_cls = getattr(torch.optim, cfg['type'])
    groups = [
        {'params': decay},
        {'params': backbone_decay, 'lr': cfg['lr'] * cfg['paramwise_cfg']['custom_keys']['backbone']['lr_mult']},
        {'params': no_decay, 'weight_decay': 0.0},
    ]
    return optim_cls(groups, lr=cfg['lr'],
                     weight_decay=cfg['weight_decay'])  # expect: WD202


def train(config_path='configs/detr/detr_r50_8x2_150e_coco.py', epochs=150):
    model = build_detector(config_path).cuda()
    opt = build_optimizer(model, optimizer)
    loader = build_dataloader(config_path, samples_per_gpu=2)
    for epoch in range(epochs):
        for data in loader:
            losses = model(**data)
            loss = sum(v for k, v in losses.items() if 'loss' in k)
            opt.zero_grad()
            loss.backward()
            opt.step()


if __name__ == '__main__':
    train()
