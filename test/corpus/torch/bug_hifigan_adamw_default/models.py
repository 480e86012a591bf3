# Idiom seen in: jik876/hifi-gan models.py
# Idiom seen in: jik876/hifi-gan train.py
# What it reproduces: HiFi-GAN vocoder (GAN for speech): generator and the two discriminators are built with
# weight_norm/spectral_norm convs; this module only defines them (no decay here).
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import weight_norm, spectral_norm

LRELU_SLOPE = 0.1


class ResBlock(nn.Module):
    def __init__(self, channels, kernel_size=3, dilation=(1, 3, 5)):
        super().__init__()
        self.convs = nn.ModuleList([
            weight_norm(nn.Conv1d(channels, channels, kernel_size, 1, dilation=d,
                                  padding=(kernel_size * d - d) // 2))
            for d in dilation
        ])

    def forward(self, x):
        for c in self.convs:
            x = x + c(F.leaky_relu(x, LRELU_SLOPE))
        return x


class Generator(nn.Module):
    def __init__(self, h):
        super().__init__()
        self.conv_pre = weight_norm(nn.Conv1d(80, h.upsample_initial_channel, 7, 1, padding=3))
        ch = h.upsample_initial_channel
        self.ups = nn.ModuleList()
        self.resblocks = nn.ModuleList()
        for u, k in zip(h.upsample_rates, h.upsample_kernel_sizes):
            self.ups.append(weight_norm(nn.ConvTranspose1d(ch, ch // 2, k, u, padding=(k - u) // 2)))
            ch //= 2
            self.resblocks.append(ResBlock(ch))
        self.conv_post = weight_norm(nn.Conv1d(ch, 1, 7, 1, padding=3))

    def forward(self, x):
        x = self.conv_pre(x)
        for up, rb in zip(self.ups, self.resblocks):
            x = rb(up(F.leaky_relu(x, LRELU_SLOPE)))
        return torch.tanh(self.conv_post(F.leaky_relu(x)))


class DiscriminatorS(nn.Module):
    def __init__(self, use_spectral_norm=False):
        super().__init__()
        norm_f = spectral_norm if use_spectral_norm else weight_norm
        self.convs = nn.ModuleList([
            norm_f(nn.Conv1d(1, 128, 15, 1, padding=7)),
            norm_f(nn.Conv1d(128, 256, 41, 4, groups=16, padding=20)),
            norm_f(nn.Conv1d(256, 512, 5, 1, padding=2)),
        ])
        self.conv_post = norm_f(nn.Conv1d(512, 1, 3, 1, padding=1))

    def forward(self, y):
        fmap = []
        for c in self.convs:
            y = F.leaky_relu(c(y), LRELU_SLOPE)
            fmap.append(y)
        return torch.flatten(self.conv_post(y), 1, -1), fmap


class MultiScaleDiscriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.discriminators = nn.ModuleList([DiscriminatorS(use_spectral_norm=True), DiscriminatorS(), DiscriminatorS()])
        self.pool = nn.AvgPool1d(4, 2, padding=2)

    def forward(self, y, y_hat):
        rs, gs = [], []
        for i, d in enumerate(self.discriminators):
            if i != 0:
                y, y_hat = self.pool(y), self.pool(y_hat)
            rs.append(d(y)[0])
            gs.append(d(y_hat)[0])
        return rs, gs


def discriminator_loss(real_outputs, fake_outputs):
    loss = 0
    for dr, dg in zip(real_outputs, fake_outputs):
        loss = loss + torch.mean((1 - dr) ** 2) + torch.mean(dg ** 2)
    return loss


def generator_loss(fake_outputs):
    return sum(torch.mean((1 - dg) ** 2) for dg in fake_outputs)
