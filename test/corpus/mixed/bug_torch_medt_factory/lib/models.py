# Idiom seen in: jeya-maria-jose/Medical-Transformer lib/models/axialnet.py (MedT / axialunet networks kept under lib.models and picked by --modelname in train.py)
# What it reproduces: a small segmentation net whose parameters include conv biases and BatchNorm weight/bias, i.e. what the optimizer factory decays (labels in build_optimizer.py).
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBNReLU(nn.Module):
    def __init__(self, in_ch, out_ch, stride=1):
        super().__init__()
        self.conv = nn.Conv2d(in_ch, out_ch, 3, stride=stride, padding=1)
        self.bn = nn.BatchNorm2d(out_ch)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)))


class MedTLite(nn.Module):
    def __init__(self, img_size=128, imgchan=3, num_classes=2, width=32):
        super().__init__()
        self.img_size = img_size
        self.enc1 = ConvBNReLU(imgchan, width)
        self.enc2 = ConvBNReLU(width, width * 2, stride=2)
        self.enc3 = ConvBNReLU(width * 2, width * 4, stride=2)
        self.dec2 = ConvBNReLU(width * 4 + width * 2, width * 2)
        self.dec1 = ConvBNReLU(width * 2 + width, width)
        self.head = nn.Conv2d(width, num_classes, kernel_size=1)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(e1)
        e3 = self.enc3(e2)
        d2 = F.interpolate(e3, size=e2.shape[-2:], mode='bilinear', align_corners=False)
        d2 = self.dec2(torch.cat([d2, e2], dim=1))
        d1 = F.interpolate(d2, size=e1.shape[-2:], mode='bilinear', align_corners=False)
        d1 = self.dec1(torch.cat([d1, e1], dim=1))
        return F.log_softmax(self.head(d1), dim=1)
