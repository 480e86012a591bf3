# Idiom seen in: AdFiFi/D-FaST model/EEGNet/EEGNet.py
# What it reproduces: a compact EEGNet (temporal conv, depthwise spatial conv, separable conv) with
#   BatchNorm2d after each convolution and a linear classifier with bias.
import torch
import torch.nn as nn


class EEGNet(nn.Module):
    def __init__(self, num_channels=64, num_classes=2, f1=8, d=2, f2=16, dropout=0.5, samples=256):
        super().__init__()
        self.temporal = nn.Sequential(nn.Conv2d(1, f1, (1, 64), padding=(0, 32), bias=False),
                                      nn.BatchNorm2d(f1))
        self.spatial = nn.Sequential(nn.Conv2d(f1, f1 * d, (num_channels, 1), groups=f1, bias=False),
                                     nn.BatchNorm2d(f1 * d), nn.ELU(), nn.AvgPool2d((1, 4)),
                                     nn.Dropout(dropout))
        self.separable = nn.Sequential(nn.Conv2d(f1 * d, f1 * d, (1, 16), padding=(0, 8),
                                                 groups=f1 * d, bias=False),
                                       nn.Conv2d(f1 * d, f2, 1, bias=False), nn.BatchNorm2d(f2),
                                       nn.ELU(), nn.AvgPool2d((1, 8)), nn.Dropout(dropout))
        self.classifier = nn.Linear(f2 * (samples // 32), num_classes)

    def forward(self, x):
        x = self.separable(self.spatial(self.temporal(x.unsqueeze(1))))
        return self.classifier(torch.flatten(x, 1))
