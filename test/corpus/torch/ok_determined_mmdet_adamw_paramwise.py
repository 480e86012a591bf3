# Idiom seen in: determined-ai/determined model_hub/tests/fixtures/merge_config.py
# What it reproduces: an mmdet-style AdamW dict with paramwise_cfg (backbone lr_mult=0.1, decay_mult=1.0)
# turned into parameter groups; norms and biases get weight_decay 0, AdamW decay is decoupled. Clean.
import torch
import torch.nn as nn

from mmdet_lite.models import build_detector
from mmdet_lite.datasets import build_dataloader

optimizer = dict(
    type='AdamW',
    lr=0.0001,
    weight_decay=0.0001,
    paramwise_cfg=dict(custom_keys={'backbone': dict(lr_mult=0.1, decay_mult=1.0)}),
)
optimizer_config = dict(grad_clip=dict(max_norm=0.1, norm_type=2))

NORM_LAYERS = (nn.BatchNorm2d, nn.GroupNorm, nn.LayerNorm)


def build_param_groups(model, cfg):
    groups = []
    for mod_name, module in model.named_modules():
        for name, p in module.named_parameters(recurse=False):
            if not p.requires_grad:
                continue
            lr, wd = cfg['lr'], cfg['weight_decay']
            for key, mult in cfg['paramwise_cfg']['custom_keys'].items():
                if key in mod_name:
                    lr *= mult['lr_mult']
                    wd *= mult['decay_mult']
            if isinstance(module, NORM_LAYERS) or name == 'bias':
                wd = 0.0
            groups.append({'params': [p], 'lr': lr, 'weight_decay': wd})
    return groups


def train(config_path='configs/detr/detr_r50_8x2_150e_coco.py', epochs=150):
    model = build_detector(config_path).cuda()
    opt = torch.optim.AdamW(build_param_groups(model, optimizer), lr=optimizer['lr'])
    loader = build_dataloader(config_path, samples_per_gpu=2)
    for epoch in range(epochs):
        for data in loader:
            losses = model(**data)
            loss = sum(v for k, v in losses.items() if 'loss' in k)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), optimizer_config['grad_clip']['max_norm'])
            opt.step()


if __name__ == '__main__':
    train()
