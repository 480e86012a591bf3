# Idiom seen in: kuangliu/pytorch-cifar main.py; karpathy/nanoGPT model.py (bias=False layers)
# What it reproduces: a plain VGG-like network whose layers all come from a `conv3x3(..., bias=False)` helper and
# a `bias=False` classifier, without BatchNorm: it owns only conv kernels and one weight matrix.
import torch
import torch.nn as nn


def conv3x3(in_planes, out_planes, stride=1):
    """3x3 convolution with padding"""
    return nn.Conv2d(in_planes, out_planes, kernel_size=3, stride=stride, padding=1, bias=False)


class PlainNet(nn.Module):
    def __init__(self, widths=(64, 128, 256), num_classes=10):
        super(PlainNet, self).__init__()
        layers = []
        in_planes = 3
        for i, w in enumerate(widths):
            layers += [conv3x3(in_planes, w, stride=1 if i == 0 else 2), nn.ReLU(inplace=True),
                       conv3x3(w, w), nn.ReLU(inplace=True)]
            in_planes = w
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Linear(in_planes, num_classes, bias=False)

    def forward(self, x):
        out = self.features(x)
        out = torch.flatten(nn.functional.adaptive_avg_pool2d(out, 1), 1)
        return self.classifier(out)
