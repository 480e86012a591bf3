# Idiom seen in: TorchSSL/TorchSSL models/nets/wrn.py
# What it reproduces: WideResNet whose every BatchNorm is an attribute named bn1/bn2 (so 'bn' is in each
#   norm parameter's name) and whose convs/fc keep biases (matched by 'bias').
import torch
import torch.nn as nn
import torch.nn.functional as F


class BasicBlock(nn.Module):
    def __init__(self, in_planes, out_planes, stride, drop_rate=0.0):
        super(BasicBlock, self).__init__()
        self.bn1 = nn.BatchNorm2d(in_planes, momentum=0.001, eps=0.001)
        self.relu1 = nn.LeakyReLU(negative_slope=0.1, inplace=False)
        self.conv1 = nn.Conv2d(in_planes, out_planes, kernel_size=3, stride=stride, padding=1, bias=True)
        self.bn2 = nn.BatchNorm2d(out_planes, momentum=0.001, eps=0.001)
        self.relu2 = nn.LeakyReLU(negative_slope=0.1, inplace=False)
        self.conv2 = nn.Conv2d(out_planes, out_planes, kernel_size=3, stride=1, padding=1, bias=True)
        self.drop_rate = drop_rate
        self.equalInOut = (in_planes == out_planes)
        self.convShortcut = (not self.equalInOut) and nn.Conv2d(in_planes, out_planes, kernel_size=1,
                                                                stride=stride, padding=0, bias=True) or None

    def forward(self, x):
        out = self.relu1(self.bn1(x))
        out = self.relu2(self.bn2(self.conv1(out)))
        if self.drop_rate > 0:
            out = F.dropout(out, p=self.drop_rate, training=self.training)
        out = self.conv2(out)
        return torch.add(x if self.equalInOut else self.convShortcut(x), out)


class WideResNet(nn.Module):
    def __init__(self, num_classes, depth=28, widen_factor=2, drop_rate=0.0):
        super(WideResNet, self).__init__()
        channels = [16, 16 * widen_factor, 32 * widen_factor, 64 * widen_factor]
        n = (depth - 4) // 6
        self.conv1 = nn.Conv2d(3, channels[0], kernel_size=3, stride=1, padding=1, bias=True)
        self.block1 = nn.Sequential(*[BasicBlock(channels[0] if i == 0 else channels[1], channels[1], 1, drop_rate)
                                      for i in range(n)])
        self.block2 = nn.Sequential(*[BasicBlock(channels[1] if i == 0 else channels[2], channels[2], 2 if i == 0 else 1,
                                                 drop_rate) for i in range(n)])
        self.block3 = nn.Sequential(*[BasicBlock(channels[2] if i == 0 else channels[3], channels[3], 2 if i == 0 else 1,
                                                 drop_rate) for i in range(n)])
        self.bn1 = nn.BatchNorm2d(channels[3], momentum=0.001, eps=0.001)
        self.relu = nn.LeakyReLU(negative_slope=0.1, inplace=False)
        self.fc = nn.Linear(channels[3], num_classes)

    def forward(self, x):
        out = self.block3(self.block2(self.block1(self.conv1(x))))
        out = self.relu(self.bn1(out))
        out = F.adaptive_avg_pool2d(out, 1).view(-1, self.fc.in_features)
        return self.fc(out)


def build_WideResNet(num_classes, depth=28, widen_factor=2):
    return WideResNet(num_classes=num_classes, depth=depth, widen_factor=widen_factor)
