# Idiom seen in: MIC-DKFZ/nnUNet nnunetv2/training/nnUNetTrainer/variants/optimizer/nnUNetTrainerAdam.py (the
#   self.network these trainers optimize; the plans-driven PlainConvUNet with conv_bias=True and affine
#   InstanceNorm3d is written here from nnU-Net's defaults, not copied)
# What it reproduces: a plain 3D U-Net whose stages are Conv3d(bias=True) + InstanceNorm3d(affine=True) + LeakyReLU,
#   built from a plans dict by a helper, as nnU-Net does.
# label-note: no findings here; the norm weights/biases and conv biases are decayed by the trainers.
import torch
from torch import nn


def conv_block(cin, cout, stride, conv_bias=True):
    return nn.Sequential(
        nn.Conv3d(cin, cout, 3, stride=stride, padding=1, bias=conv_bias),
        nn.InstanceNorm3d(cout, eps=1e-5, affine=True),
        nn.LeakyReLU(inplace=True),
        nn.Conv3d(cout, cout, 3, padding=1, bias=conv_bias),
        nn.InstanceNorm3d(cout, eps=1e-5, affine=True),
        nn.LeakyReLU(inplace=True),
    )


class PlainConvUNet(nn.Module):
    def __init__(self, in_channels, features, num_classes, conv_bias=True):
        super().__init__()
        self.encoder = nn.ModuleList()
        cin = in_channels
        for i, f in enumerate(features):
            self.encoder.append(conv_block(cin, f, 1 if i == 0 else 2, conv_bias))
            cin = f
        self.up = nn.ModuleList(nn.ConvTranspose3d(features[i + 1], features[i], 2, 2)
                                for i in range(len(features) - 2, -1, -1))
        self.decoder = nn.ModuleList(conv_block(2 * features[i], features[i], 1, conv_bias)
                                     for i in range(len(features) - 2, -1, -1))
        self.seg_head = nn.Conv3d(features[0], num_classes, 1, bias=True)

    def forward(self, x):
        skips = []
        for stage in self.encoder:
            x = stage(x)
            skips.append(x)
        for up, dec, skip in zip(self.up, self.decoder, reversed(skips[:-1])):
            x = dec(torch.cat((up(x), skip), dim=1))
        return self.seg_head(x)


def get_network_from_plans(plans: dict, configuration: str, num_input_channels: int, num_classes: int):
    arch = plans["configurations"][configuration]["architecture"]
    return PlainConvUNet(num_input_channels, arch["features_per_stage"], num_classes,
                         conv_bias=arch.get("conv_bias", True))
