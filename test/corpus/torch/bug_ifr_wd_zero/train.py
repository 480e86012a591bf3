# Idiom seen in: jfzhuang/IFR IFR/configs/_base_/schedules/schedule_sup.py
# What it reproduces: the supervised segmentation trainer: decoder head at 10x lr, and decay groups
#   (no decay on norms/biases) built only `if cfg.WEIGHT_DECAY > 0:`; with WEIGHT_DECAY = 0.0 in
#   config.py the whole decay machinery is dead.
import torch
import torch.nn.functional as F

import config as cfg
from models import build_deeplabv3plus
from cityscapes import build_sup_loader


def add_weight_decay(named_params, weight_decay, lr):
    decay, no_decay = [], []
    for name, p in named_params:
        if not p.requires_grad:
            continue
        if p.ndim <= 1 or name.endswith('.bias'):
            no_decay.append(p)
        else:
            decay.append(p)
    return [{'params': decay, 'weight_decay': weight_decay, 'lr': lr},
            {'params': no_decay, 'weight_decay': 0.0, 'lr': lr}]


model = build_deeplabv3plus(num_classes=19).cuda()
backbone_params = model.backbone.named_parameters()
head_params = model.decode_head.named_parameters()

if cfg.WEIGHT_DECAY > 0:  # expect: WD303
    param_groups = (add_weight_decay(backbone_params, cfg.WEIGHT_DECAY, cfg.LR)
                    + add_weight_decay(head_params, cfg.WEIGHT_DECAY, cfg.LR * cfg.HEAD_LR_MULT))
else:
    param_groups = [{'params': model.backbone.parameters(), 'lr': cfg.LR},
                    {'params': model.decode_head.parameters(), 'lr': cfg.LR * cfg.HEAD_LR_MULT}]

optimizer = torch.optim.SGD(param_groups, lr=cfg.LR, momentum=cfg.MOMENTUM)
loader = build_sup_loader(batch_size=cfg.BATCH_SIZE)

it = 0
while it < cfg.MAX_ITERS:
    for img, gt in loader:
        logits = model(img.cuda())
        loss = F.cross_entropy(logits, gt.cuda(), ignore_index=255)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        it += 1
        if it >= cfg.MAX_ITERS:
            break
