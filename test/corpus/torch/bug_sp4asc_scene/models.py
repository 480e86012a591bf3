# Idiom seen in: valeoai/SP4ASC sp4asc/models/cnns.py
# What it reproduces: a small CNN6-style acoustic scene classifier with BatchNorm after every conv and a biased
#   linear head, looked up by name in get_net.
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBlock(nn.Module):
    def __init__(self, in_ch, out_ch, dropout):
        super().__init__()
        self.conv = nn.Conv2d(in_ch, out_ch, kernel_size=5, padding=2, bias=False)
        self.bn = nn.BatchNorm2d(out_ch)
        self.drop = nn.Dropout(dropout)

    def forward(self, x):
        x = F.relu(self.bn(self.conv(x)))
        return self.drop(F.avg_pool2d(x, 2))


class Cnn6(nn.Module):
    def __init__(self, dropout, spec_augment, widths=(16, 32, 64, 128), nb_classes=10):
        super().__init__()
        self.spec_augment = spec_augment
        self.bn0 = nn.BatchNorm2d(1)
        chans = [1] + list(widths)
        self.blocks = nn.Sequential(*[ConvBlock(chans[i], chans[i + 1], dropout) for i in range(len(widths))])
        self.fc = nn.Linear(widths[-1], nb_classes)

    def forward(self, x):
        x = self.blocks(self.bn0(x))
        x = torch.mean(x, dim=(2, 3))
        return self.fc(x)

    def get_nb_parameters(self):
        return sum(p.numel() for p in self.parameters())


def cnn6_60k(dropout, spec_augment):
    return Cnn6(dropout, spec_augment, widths=(16, 32, 64, 128))


get_net = {"Cnn6_60k": cnn6_60k}
