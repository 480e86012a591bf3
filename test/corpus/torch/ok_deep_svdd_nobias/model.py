# Idiom seen in: elahekhodaie/DRMADE src/model/deepsvdd/model.py; mperezcarrasco/PyTorch-Deep-SVDD model.py
# What it reproduces: the CIFAR-10 LeNet-type Deep SVDD network of Ruff et al.: no bias anywhere (a bias lets
#   the network collapse onto the center) and BatchNorm without affine parameters, so every trainable tensor
#   is a conv kernel or a linear weight matrix.
import torch
import torch.nn as nn
import torch.nn.functional as F


class CIFARLeNet(nn.Module):
    def __init__(self, latent_size=128):
        super().__init__()
        self.pool = nn.MaxPool2d(2, 2)
        self.conv1 = nn.Conv2d(3, 32, 5, bias=False, padding=2)
        self.bn1 = nn.BatchNorm2d(32, eps=1e-04, affine=False)
        self.conv2 = nn.Conv2d(32, 64, 5, bias=False, padding=2)
        self.bn2 = nn.BatchNorm2d(64, eps=1e-04, affine=False)
        self.conv3 = nn.Conv2d(64, 128, 5, bias=False, padding=2)
        self.bn3 = nn.BatchNorm2d(128, eps=1e-04, affine=False)
        self.fc1 = nn.Linear(128 * 4 * 4, latent_size, bias=False)

    def forward(self, x):
        x = self.pool(F.leaky_relu(self.bn1(self.conv1(x))))
        x = self.pool(F.leaky_relu(self.bn2(self.conv2(x))))
        x = self.pool(F.leaky_relu(self.bn3(self.conv3(x))))
        return self.fc1(x.view(x.size(0), -1))


class DeepSVDD(nn.Module):
    def __init__(self, latent_size=128):
        super().__init__()
        self.encoder = CIFARLeNet(latent_size)
        self.register_buffer('center', torch.zeros(latent_size))

    def forward(self, x):
        return self.encoder(x)

    def init_center(self, loader, device, eps=0.1):
        with torch.no_grad():
            feats = torch.cat([self.encoder(x.to(device)) for x, _ in loader])
        c = feats.mean(dim=0)
        c[(abs(c) < eps) & (c < 0)] = -eps
        c[(abs(c) < eps) & (c > 0)] = eps
        self.center.copy_(c)
