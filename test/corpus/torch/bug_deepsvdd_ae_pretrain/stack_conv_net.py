# Idiom seen in: leggedrobotics/anomaly_navigation anomaly_detection/networks/stack_conv_net.py
# What it reproduces: the Deep SVDD convention: every convolution is built with bias=False and every
#   BatchNorm with affine=False, so the autoencoder has weight kernels only (no biases, no norm scales).
import torch.nn as nn
import torch.nn.functional as F


class StackConvNet_Autoencoder(nn.Module):
    def __init__(self, in_channels=3, use_bn=True, use_dropout=True):
        super().__init__()
        self.rep_dim = 128
        self.pool = nn.MaxPool2d(2, 2)
        self.use_bn = use_bn
        self.use_dropout = use_dropout
        if use_dropout:
            self.drop = nn.Dropout2d(p=0.05)
        self.conv1 = nn.Conv2d(in_channels, 32, 5, bias=False)
        self.conv2 = nn.Conv2d(32, 64, 5, bias=False)
        self.conv3 = nn.Conv2d(64, 128, 5, bias=False)
        self.fconv1 = nn.Conv2d(128, self.rep_dim, 1, bias=False)
        if use_bn:
            self.bn2d1 = nn.BatchNorm2d(32, eps=1e-04, affine=False)
            self.bn2d2 = nn.BatchNorm2d(64, eps=1e-04, affine=False)
            self.bn2d3 = nn.BatchNorm2d(128, eps=1e-04, affine=False)
        self.deconv1 = nn.ConvTranspose2d(self.rep_dim, 128, 1, bias=False)
        self.deconv2 = nn.ConvTranspose2d(128, 64, 5, bias=False)
        self.deconv3 = nn.ConvTranspose2d(64, 32, 5, bias=False)
        self.deconv4 = nn.ConvTranspose2d(32, in_channels, 5, bias=False)
        if use_bn:
            self.bn2d4 = nn.BatchNorm2d(128, eps=1e-04, affine=False)
            self.bn2d5 = nn.BatchNorm2d(64, eps=1e-04, affine=False)
        for m in self.modules():
            if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
                nn.init.xavier_uniform_(m.weight, gain=nn.init.calculate_gain('leaky_relu'))

    def _bn(self, layer, x):
        return layer(x) if self.use_bn else x

    def forward(self, x):
        x = self.pool(F.leaky_relu(self._bn(self.bn2d1, self.conv1(x))))
        x = self.pool(F.leaky_relu(self._bn(self.bn2d2, self.conv2(x))))
        x = F.leaky_relu(self._bn(self.bn2d3, self.conv3(x)))
        x = F.leaky_relu(self.fconv1(x))
        if self.use_dropout:
            x = self.drop(x)
        x = F.leaky_relu(self._bn(self.bn2d4, self.deconv1(x)))
        x = F.interpolate(F.leaky_relu(self._bn(self.bn2d5, self.deconv2(x))), scale_factor=2)
        x = F.interpolate(F.leaky_relu(self.deconv3(x)), scale_factor=2)
        return self.deconv4(x)
