# Idiom seen in: ozan-oktay/Attention-Gated-Networks models/networks/unet_2D.py
# What it reproduces: a 2D U-Net made of conv2-BatchNorm-ReLU blocks; Conv2d layers keep their default bias.
import torch
import torch.nn as nn
import torch.nn.functional as F


class unetConv2(nn.Module):
    def __init__(self, in_size, out_size, is_batchnorm, n=2, ks=3, stride=1, padding=1):
        super(unetConv2, self).__init__()
        layers = []
        for i in range(n):
            layers.append(nn.Conv2d(in_size if i == 0 else out_size, out_size, ks, stride, padding))
            if is_batchnorm:
                layers.append(nn.BatchNorm2d(out_size))
            layers.append(nn.ReLU(inplace=True))
        self.conv = nn.Sequential(*layers)

    def forward(self, inputs):
        return self.conv(inputs)


class unetUp(nn.Module):
    def __init__(self, in_size, out_size, is_batchnorm):
        super(unetUp, self).__init__()
        self.conv = unetConv2(in_size, out_size, is_batchnorm)
        self.up = nn.ConvTranspose2d(in_size, out_size, kernel_size=2, stride=2)

    def forward(self, inputs1, inputs2):
        outputs2 = self.up(inputs2)
        return self.conv(torch.cat([inputs1, outputs2], 1))


class unet_2D(nn.Module):

    def __init__(self, feature_scale=4, n_classes=21, is_deconv=True, in_channels=3, is_batchnorm=True):
        super(unet_2D, self).__init__()
        filters = [int(x / feature_scale) for x in [64, 128, 256]]
        self.conv1 = unetConv2(in_channels, filters[0], is_batchnorm)
        self.conv2 = unetConv2(filters[0], filters[1], is_batchnorm)
        self.center = unetConv2(filters[1], filters[2], is_batchnorm)
        self.up_concat2 = unetUp(filters[2], filters[1], is_batchnorm)
        self.up_concat1 = unetUp(filters[1], filters[0], is_batchnorm)
        self.final = nn.Conv2d(filters[0], n_classes, 1)

    def forward(self, inputs):
        conv1 = self.conv1(inputs)
        conv2 = self.conv2(F.max_pool2d(conv1, 2))
        center = self.center(F.max_pool2d(conv2, 2))
        up2 = self.up_concat2(conv2, center)
        up1 = self.up_concat1(conv1, up2)
        return self.final(up1)

    @staticmethod
    def apply_argmax_softmax(pred):
        return F.softmax(pred, dim=1)
