# Idiom seen in: kazuto1011/deeplab-pytorch main.py
# Idiom seen in: kazuto1011/deeplab-pytorch libs/models/deeplabv2.py
# What it reproduces: caffe-style lr_mult/decay_mult groups: get_params(model, "1x") yields the bias-free backbone
#   convs, "10x" the ASPP weights (both decayed), "20x" the ASPP biases with weight_decay 0.0; BN is frozen and not
#   optimized: clean.
import torch
import torch.nn as nn
import torch.nn.functional as F


class _ConvBnReLU(nn.Sequential):
    def __init__(self, in_ch, out_ch, kernel_size, stride, padding, dilation, relu=True):
        super().__init__()
        self.add_module("conv", nn.Conv2d(in_ch, out_ch, kernel_size, stride, padding, dilation, bias=False))
        self.add_module("bn", nn.BatchNorm2d(out_ch, eps=1e-5, momentum=0.999))
        if relu:
            self.add_module("relu", nn.ReLU())


class _ASPP(nn.Module):
    def __init__(self, in_ch, out_ch, rates):
        super().__init__()
        for i, rate in enumerate(rates):
            self.add_module("c{}".format(i), nn.Conv2d(in_ch, out_ch, 3, 1, padding=rate, dilation=rate, bias=True))
        for m in self.children():
            nn.init.normal_(m.weight, mean=0, std=0.01)
            nn.init.constant_(m.bias, 0)

    def forward(self, x):
        return sum([stage(x) for stage in self.children()])


class DeepLabV2(nn.Sequential):
    def __init__(self, n_classes, n_blocks=(3, 4, 23, 3), atrous_rates=(6, 12, 18, 24)):
        super().__init__()
        self.add_module("layer1", _ConvBnReLU(3, 64, 7, 2, 3, 1))
        self.add_module("layer2", _ConvBnReLU(64, 256, 3, 1, 1, 1))
        self.add_module("layer3", _ConvBnReLU(256, 512, 3, 2, 1, 1))
        self.add_module("layer4", _ConvBnReLU(512, 1024, 3, 1, 2, 2))
        self.add_module("layer5", _ConvBnReLU(1024, 2048, 3, 1, 4, 4))
        self.add_module("aspp", _ASPP(2048, n_classes, atrous_rates))

    def freeze_bn(self):
        for m in self.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.eval()
                for p in m.parameters():
                    p.requires_grad = False
