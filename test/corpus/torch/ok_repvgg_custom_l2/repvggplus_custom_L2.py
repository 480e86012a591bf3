# Idiom seen in: DingXiaoH/RepVGG repvggplus_custom_L2.py
# What it reproduces: RepVGG blocks that compute their own "custom L2" on the 3x3/1x1 kernels
#   (the equivalent-kernel penalty) in forward and thread it through the network, returned as
#   outputs['L2']. The training script adds it to the loss; the optimizer does not decay those kernels.
import torch
import torch.nn as nn


def conv_bn(in_channels, out_channels, kernel_size, stride, padding, groups=1):
    result = nn.Sequential()
    result.add_module('conv', nn.Conv2d(in_channels, out_channels, kernel_size=kernel_size, stride=stride,
                                        padding=padding, groups=groups, bias=False))
    result.add_module('bn', nn.BatchNorm2d(num_features=out_channels))
    return result


class RepVGGplusBlock(nn.Module):
    def __init__(self, in_channels, out_channels, stride=1):
        super().__init__()
        self.nonlinearity = nn.ReLU()
        if out_channels == in_channels and stride == 1:
            self.rbr_identity = nn.BatchNorm2d(num_features=out_channels)
        else:
            self.rbr_identity = None
        self.rbr_dense = conv_bn(in_channels, out_channels, kernel_size=3, stride=stride, padding=1)
        self.rbr_1x1 = conv_bn(in_channels, out_channels, kernel_size=1, stride=stride, padding=0)

    def forward(self, x, L2):
        id_out = 0 if self.rbr_identity is None else self.rbr_identity(x)
        out = self.nonlinearity(self.rbr_dense(x) + self.rbr_1x1(x) + id_out)

        t3 = (self.rbr_dense.bn.weight / ((self.rbr_dense.bn.running_var + self.rbr_dense.bn.eps).sqrt())).reshape(-1, 1, 1, 1).detach()
        t1 = (self.rbr_1x1.bn.weight / ((self.rbr_1x1.bn.running_var + self.rbr_1x1.bn.eps).sqrt())).reshape(-1, 1, 1, 1).detach()
        K3 = self.rbr_dense.conv.weight
        K1 = self.rbr_1x1.conv.weight
        l2_loss_circle = (K3 ** 2).sum() - (K3[:, :, 1:2, 1:2] ** 2).sum()
        eq_kernel = K3[:, :, 1:2, 1:2] * t3 + K1 * t1
        l2_loss_eq_kernel = (eq_kernel ** 2 / (t3 ** 2 + t1 ** 2)).sum()
        return out, L2 + l2_loss_circle + l2_loss_eq_kernel


class RepVGGplusStage(nn.Module):
    def __init__(self, in_planes, planes, num_blocks, stride):
        super().__init__()
        strides = [stride] + [1] * (num_blocks - 1)
        blocks = []
        for s in strides:
            blocks.append(RepVGGplusBlock(in_planes, planes, stride=s))
            in_planes = planes
        self.blocks = nn.ModuleList(blocks)

    def forward(self, x, L2):
        for block in self.blocks:
            x, L2 = block(x, L2)
        return x, L2


class RepVGGplus(nn.Module):
    def __init__(self, num_blocks, num_classes, width_multiplier):
        super().__init__()
        self.in_planes = min(64, int(64 * width_multiplier[0]))
        self.stage0 = RepVGGplusBlock(3, self.in_planes, stride=2)
        self.stage1 = RepVGGplusStage(self.in_planes, int(64 * width_multiplier[0]), num_blocks[0], stride=2)
        self.stage2 = RepVGGplusStage(int(64 * width_multiplier[0]), int(128 * width_multiplier[1]), num_blocks[1], stride=2)
        self.stage3 = RepVGGplusStage(int(128 * width_multiplier[1]), int(256 * width_multiplier[2]), num_blocks[2], stride=2)
        self.gap = nn.AdaptiveAvgPool2d(output_size=1)
        self.linear = nn.Linear(int(256 * width_multiplier[2]), num_classes)

    def forward(self, x):
        out, L2 = self.stage0(x, L2=0.0)
        out, L2 = self.stage1(out, L2=L2)
        out, L2 = self.stage2(out, L2=L2)
        out, L2 = self.stage3(out, L2=L2)
        y = self.gap(out).flatten(1)
        return {'main': self.linear(y), 'L2': L2}


def create_RepVGGplus_L2(num_classes=1000):
    return RepVGGplus(num_blocks=[2, 4, 8], num_classes=num_classes, width_multiplier=[1.5, 1.5, 1.5])
