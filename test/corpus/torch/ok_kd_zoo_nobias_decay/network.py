# Idiom seen in: AberHu/Knowledge-Distillation-Zoo train_kd.py
# What it reproduces: CIFAR ResNet teacher/student pair (convs without bias, BatchNorm, Linear head with bias)
# built by define_tsnet and wrapped in DataParallel; train_kd.py keeps the 1-D tensors out of the decay.
import torch
import torch.nn as nn
import torch.nn.functional as F


class BasicBlock(nn.Module):
    def __init__(self, in_planes, planes, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(in_planes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.shortcut = nn.Sequential()
        if stride != 1 or in_planes != planes:
            self.shortcut = nn.Sequential(nn.Conv2d(in_planes, planes, 1, stride, bias=False), nn.BatchNorm2d(planes))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(out)) + self.shortcut(x))


class ResNetCifar(nn.Module):
    def __init__(self, depth, num_class):
        super().__init__()
        n = (depth - 2) // 6
        self.conv1 = nn.Conv2d(3, 16, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        layers, in_planes = [], 16
        for planes, stride in [(16, 1), (32, 2), (64, 2)]:
            blocks = []
            for i in range(n):
                blocks.append(BasicBlock(in_planes, planes, stride if i == 0 else 1))
                in_planes = planes
            layers.append(nn.Sequential(*blocks))
        self.res1, self.res2, self.res3 = layers
        self.fc = nn.Linear(64, num_class)

    def forward(self, x):
        stem = F.relu(self.bn1(self.conv1(x)))
        rb1 = self.res1(stem)
        rb2 = self.res2(rb1)
        rb3 = self.res3(rb2)
        feat = F.adaptive_avg_pool2d(rb3, 1).view(x.size(0), -1)
        return stem, rb1, rb2, rb3, feat, self.fc(feat)


def define_tsnet(name, num_class, cuda=True):
    depth = {'resnet20': 20, 'resnet56': 56, 'resnet110': 110}[name]
    net = ResNetCifar(depth, num_class)
    if cuda:
        net = torch.nn.DataParallel(net).cuda()
    return net
