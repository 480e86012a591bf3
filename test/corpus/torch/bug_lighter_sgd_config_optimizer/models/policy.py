# Idiom seen in: Xpitfire/lighter examples/minerl/optimizers/defaults.py
# What it reproduces: an optimizer wrapper class (BaseOptimizer style) whose __init__ builds torch SGD from
# self.model.parameters() with momentum and weight_decay taken from the experiment config (5e-4 here, as the
# example JSON config would set it): conv/linear biases and BatchNorm affine params are decayed as well.
import torch.nn as nn


class PolicyNet(nn.Module):
    def __init__(self, channels, num_actions):
        super().__init__()
        layers, in_ch = [], 3
        for ch in channels:
            layers += [nn.Conv2d(in_ch, ch, 3, stride=2, padding=1), nn.BatchNorm2d(ch), nn.ReLU()]
            in_ch = ch
        self.features = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.head = nn.Linear(in_ch, num_actions)

    def forward(self, x):
        return self.head(self.features(x))
