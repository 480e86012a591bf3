# Idiom seen in: open-mmlab/mmcv mmcv/runner/epoch_based_runner.py
# What it reproduces: the training script imports the config module and builds the optimizer through
# builder.build_optimizer for a conv/BN segmentation head.
import torch
import torch.nn as nn
import torch.nn.functional as F

import adam_cfg as cfg
from builder import build_optimizer
from datasets import build_dataloader


class FCNHead(nn.Module):
    def __init__(self, in_channels=512, channels=256, num_classes=19):
        super().__init__()
        self.convs = nn.Sequential(
            nn.Conv2d(in_channels, channels, 3, padding=1, bias=False),
            nn.BatchNorm2d(channels),
            nn.ReLU(inplace=True),
        )
        self.conv_seg = nn.Conv2d(channels, num_classes, 1)

    def forward(self, x):
        return self.conv_seg(self.convs(x))


model = FCNHead()
optimizer = build_optimizer(model, cfg.optimizer)
loader = build_dataloader(samples_per_gpu=2, workers_per_gpu=2)

for epoch in range(cfg.total_epochs):
    for feats, seg in loader:
        logits = model(feats)
        loss = F.cross_entropy(logits, seg, ignore_index=255)
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), **cfg.optimizer_config['grad_clip'])
        optimizer.step()
