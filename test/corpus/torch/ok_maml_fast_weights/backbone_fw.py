# Idiom seen in: wyharveychen/CloserLookFewShot backbone.py
# What it reproduces: "fast weight" layers for MAML (each keeps .fast weights for the inner loop);
# the outer optimizer in train.py has no weight decay and no penalty is added anywhere. Clean.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Linear_fw(nn.Linear):
    def __init__(self, in_features, out_features):
        super(Linear_fw, self).__init__(in_features, out_features)
        self.weight.fast = None
        self.bias.fast = None

    def forward(self, x):
        if self.weight.fast is not None and self.bias.fast is not None:
            return F.linear(x, self.weight.fast, self.bias.fast)
        return super(Linear_fw, self).forward(x)


class Conv2d_fw(nn.Conv2d):
    def __init__(self, in_channels, out_channels, kernel_size, padding=0):
        super(Conv2d_fw, self).__init__(in_channels, out_channels, kernel_size, padding=padding)
        self.weight.fast = None
        self.bias.fast = None

    def forward(self, x):
        if self.weight.fast is not None:
            return F.conv2d(x, self.weight.fast, self.bias.fast, padding=self.padding)
        return super(Conv2d_fw, self).forward(x)


class Conv4Fw(nn.Module):
    def __init__(self, depth=4):
        super(Conv4Fw, self).__init__()
        layers = []
        for i in range(depth):
            layers += [Conv2d_fw(3 if i == 0 else 64, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
        self.trunk = nn.Sequential(*layers)
        self.final_feat_dim = 1600

    def forward(self, x):
        return self.trunk(x).view(x.size(0), -1)
