# Idiom seen in: yycris/Multi-label-Deep-Learning-Framework-Research-in-MVI model/CGAResNet.py
# What it reproduces: a two-phase (arterial/portal CT) ResNet-18 with a cross-gated attention fusion, BatchNorm
#   after every convolution, and a Linear head giving 3 classification logits plus 1 regression output.
import torch
import torch.nn as nn
import torchvision


class CrossGatedAttention(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.gate_x = nn.Sequential(nn.Conv2d(channels, channels, 1), nn.BatchNorm2d(channels), nn.Sigmoid())
        self.gate_y = nn.Sequential(nn.Conv2d(channels, channels, 1), nn.BatchNorm2d(channels), nn.Sigmoid())

    def forward(self, fx, fy):
        return fx * self.gate_y(fy) + fy * self.gate_x(fx)


class CGAResNet(nn.Module):
    def __init__(self, num_outputs=4, mode='resnet18', pretrained=False):
        super().__init__()
        self.branch_x = nn.Sequential(*list(getattr(torchvision.models, mode)(pretrained=pretrained).children())[:-2])
        self.branch_y = nn.Sequential(*list(getattr(torchvision.models, mode)(pretrained=pretrained).children())[:-2])
        self.fusion = CrossGatedAttention(512)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(512, num_outputs)

    def forward(self, x, y):
        f = self.fusion(self.branch_x(x), self.branch_y(y))
        return self.fc(torch.flatten(self.pool(f), 1))


def resnet(in_channels, num_outputs, mode='resnet18', pretrained=False):
    return CGAResNet(num_outputs=num_outputs, mode=mode, pretrained=pretrained)
