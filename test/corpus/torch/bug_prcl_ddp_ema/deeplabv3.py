# Idiom seen in: Haoyu-Xie/PRCL generalframeworks/networks/deeplabv3/deeplabv3.py
# What it reproduces: DeepLabv3+ head on a torchvision ResNet backbone with ASPP convolutions, BatchNorm
#   and a representation head, as the student model the optimizer decays.
import torch
import torch.nn as nn
import torch.nn.functional as F


class ASPP(nn.Module):
    def __init__(self, in_ch, out_ch, rates=(6, 12, 18)):
        super().__init__()
        self.branches = nn.ModuleList([
            nn.Sequential(nn.Conv2d(in_ch, out_ch, 3, padding=r, dilation=r, bias=False),
                          nn.BatchNorm2d(out_ch), nn.ReLU(inplace=True)) for r in rates])
        self.project = nn.Sequential(nn.Conv2d(out_ch * len(rates), out_ch, 1, bias=False),
                                     nn.BatchNorm2d(out_ch), nn.ReLU(inplace=True))

    def forward(self, x):
        return self.project(torch.cat([b(x) for b in self.branches], dim=1))


class DeepLabv3Plus_with_un(nn.Module):
    def __init__(self, orig_resnet, num_classes=21, output_dim=256):
        super().__init__()
        self.layer0 = nn.Sequential(orig_resnet.conv1, orig_resnet.bn1, orig_resnet.relu, orig_resnet.maxpool)
        self.layer1, self.layer2 = orig_resnet.layer1, orig_resnet.layer2
        self.layer3, self.layer4 = orig_resnet.layer3, orig_resnet.layer4
        self.aspp = ASPP(2048, 256)
        self.project = nn.Sequential(nn.Conv2d(256, 48, 1, bias=False), nn.BatchNorm2d(48), nn.ReLU(inplace=True))
        self.classifier = nn.Sequential(nn.Conv2d(304, 256, 3, padding=1, bias=False), nn.BatchNorm2d(256),
                                        nn.ReLU(inplace=True), nn.Conv2d(256, num_classes, 1))
        self.representation = nn.Sequential(nn.Conv2d(304, 256, 3, padding=1, bias=False), nn.BatchNorm2d(256),
                                            nn.ReLU(inplace=True), nn.Conv2d(256, output_dim, 1))

    def forward(self, x):
        x = self.layer0(x)
        x_low = self.layer1(x)
        x = self.layer4(self.layer3(self.layer2(x_low)))
        feature = F.interpolate(self.aspp(x), size=x_low.shape[2:], mode='bilinear', align_corners=True)
        feature = torch.cat([self.project(x_low), feature], dim=1)
        return self.classifier(feature), self.representation(feature), feature
