# Idiom seen in: occludedReIDICCV/HolisitcGuidanceOccReID solver/make_optimizer.py
# Idiom seen in: occludedReIDICCV/HolisitcGuidanceOccReID config/configs.py
# What it reproduces: reid-strong-baseline style optimizer: one param group per parameter, biases get
# WEIGHT_DECAY_BIAS (non-zero) and BN weights WEIGHT_DECAY, class looked up by cfg.OPTIMIZER = "Adam":
# coupled L2 under Adam on every group, biases and BN params decayed too.
import torch.nn as nn
from torchvision.models import resnet50


class Baseline(nn.Module):
    in_planes = 2048

    def __init__(self, num_classes, pretrain_path=None):
        super(Baseline, self).__init__()
        backbone = resnet50()
        self.base = nn.Sequential(*list(backbone.children())[:-2])
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.bottleneck = nn.BatchNorm1d(self.in_planes)
        self.bottleneck.bias.requires_grad_(False)
        self.classifier = nn.Linear(self.in_planes, num_classes, bias=False)

    def forward(self, x):
        global_feat = self.gap(self.base(x)).flatten(1)
        feat = self.bottleneck(global_feat)
        if self.training:
            return self.classifier(feat), global_feat
        return feat
