# Idiom seen in: occludedReIDICCV/HolisitcGuidanceOccReID solver/make_optimizer.py
# Idiom seen in: occludedReIDICCV/HolisitcGuidanceOccReID config/configs.py
# What it reproduces: per-parameter groups where biases and 1-d (norm) params get WEIGHT_DECAY_BIAS = 0.0,
# the rest WEIGHT_DECAY, and cfg.OPTIMIZER = "SGD" with momentum, lr*wd tiny: clean.
import torch.nn as nn
from torchvision.models import resnet50


class Baseline(nn.Module):
    in_planes = 2048

    def __init__(self, num_classes):
        super(Baseline, self).__init__()
        backbone = resnet50()
        self.base = nn.Sequential(*list(backbone.children())[:-2])
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.bottleneck = nn.BatchNorm1d(self.in_planes)
        self.classifier = nn.Linear(self.in_planes, num_classes, bias=False)

    def forward(self, x):
        feat = self.bottleneck(self.gap(self.base(x)).flatten(1))
        return self.classifier(feat) if self.training else feat
