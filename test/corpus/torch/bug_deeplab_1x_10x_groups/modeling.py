# Idiom seen in: jfzhang95/pytorch-deeplab-xception modeling/deeplab.py
# What it reproduces: a DeepLab-style segmentor whose get_1x_lr_params / get_10x_lr_params generators walk
# named_modules() and yield the parameters of every Conv2d AND BatchNorm2d (backbone vs. ASPP/decoder).
# label-note: no findings in this file; the groups are handed to SGD in train.py.
import torch
import torch.nn as nn
import torch.nn.functional as F

from backbone import build_backbone


def _conv_bn(cin, cout, k=3, d=1):
    return nn.Sequential(
        nn.Conv2d(cin, cout, k, padding=(k // 2) * d, dilation=d, bias=False),
        nn.BatchNorm2d(cout),
        nn.ReLU(inplace=True),
    )


class ASPP(nn.Module):
    def __init__(self, cin, cout=256, rates=(1, 6, 12, 18)):
        super().__init__()
        self.branches = nn.ModuleList(
            [_conv_bn(cin, cout, 1 if r == 1 else 3, r) for r in rates])
        self.project = _conv_bn(cout * len(rates), cout, 1)

    def forward(self, x):
        return self.project(torch.cat([b(x) for b in self.branches], dim=1))


class Decoder(nn.Module):
    def __init__(self, num_classes, low_level_ch=256):
        super().__init__()
        self.reduce = _conv_bn(low_level_ch, 48, 1)
        self.fuse = nn.Sequential(_conv_bn(256 + 48, 256), _conv_bn(256, 256))
        self.classifier = nn.Conv2d(256, num_classes, kernel_size=1)

    def forward(self, x, low):
        low = self.reduce(low)
        x = F.interpolate(x, size=low.shape[2:], mode='bilinear', align_corners=True)
        return self.classifier(self.fuse(torch.cat([x, low], dim=1)))


class DeepLab(nn.Module):
    def __init__(self, num_classes=21, backbone='resnet', output_stride=16):
        super().__init__()
        self.backbone = build_backbone(backbone, output_stride, nn.BatchNorm2d)
        self.aspp = ASPP(2048)
        self.decoder = Decoder(num_classes)

    def forward(self, image):
        x, low = self.backbone(image)
        x = self.decoder(self.aspp(x), low)
        return F.interpolate(x, size=image.shape[2:], mode='bilinear', align_corners=True)

    def get_1x_lr_params(self):
        for m in self.backbone.named_modules():
            if isinstance(m[1], nn.Conv2d) or isinstance(m[1], nn.BatchNorm2d):
                for p in m[1].parameters():
                    if p.requires_grad:
                        yield p

    def get_10x_lr_params(self):
        for module in [self.aspp, self.decoder]:
            for m in module.named_modules():
                if isinstance(m[1], nn.Conv2d) or isinstance(m[1], nn.BatchNorm2d):
                    for p in m[1].parameters():
                        if p.requires_grad:
                            yield p
