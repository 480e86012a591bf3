# Idiom seen in: open-mmlab/mmcv mmcv/runner/optimizer/builder.py
# What it reproduces: the builder entry: DefaultOptimizerConstructor(cfg.optimizer)(model) for a
# conv/BN classifier; decay only on conv/linear weights (clean).
import torch.nn as nn
import torch.nn.functional as F

import sgd_cfg as cfg
from constructor import DefaultOptimizerConstructor
from datasets import build_dataloader


class SmallNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(inplace=True),
            nn.Conv2d(64, 128, 3, padding=1, bias=False), nn.BatchNorm2d(128), nn.ReLU(inplace=True),
            nn.AdaptiveAvgPool2d(1),
        )
        self.fc = nn.Linear(128, num_classes)

    def forward(self, x):
        return self.fc(self.features(x).flatten(1))


def build_optimizer(model, optimizer_cfg):
    return DefaultOptimizerConstructor(optimizer_cfg)(model)


model = SmallNet()
optimizer = build_optimizer(model, cfg.optimizer)
loader = build_dataloader(samples_per_gpu=64, workers_per_gpu=4)

for epoch in range(cfg.total_epochs):
    for img, label in loader:
        loss = F.cross_entropy(model(img), label)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
