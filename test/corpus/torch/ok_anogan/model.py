# Idiom seen in: llien30/AnoGAN trainer.py
# What it reproduces: AnoGAN generator/discriminator modules; the trainer builds two Adam optimizers with
# betas only, no weight decay anywhere. Clean.
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, z_dim=20, image_size=64):
        super().__init__()
        self.layer1 = nn.Sequential(
            nn.ConvTranspose2d(z_dim, image_size * 8, kernel_size=4, stride=1),
            nn.BatchNorm2d(image_size * 8), nn.ReLU(inplace=True))
        self.layer2 = nn.Sequential(
            nn.ConvTranspose2d(image_size * 8, image_size * 4, 4, 2, 1),
            nn.BatchNorm2d(image_size * 4), nn.ReLU(inplace=True))
        self.last = nn.Sequential(
            nn.ConvTranspose2d(image_size * 4, 1, 4, 2, 1), nn.Tanh())

    def forward(self, z):
        return self.last(self.layer2(self.layer1(z)))


class Discriminator(nn.Module):
    def __init__(self, image_size=64):
        super().__init__()
        self.layer1 = nn.Sequential(
            nn.Conv2d(1, image_size, 4, 2, 1), nn.LeakyReLU(0.1, inplace=True))
        self.layer2 = nn.Sequential(
            nn.Conv2d(image_size, image_size * 2, 4, 2, 1), nn.LeakyReLU(0.1, inplace=True))
        self.last = nn.Conv2d(image_size * 2, 1, kernel_size=4, stride=1)

    def forward(self, x):
        feature = self.layer2(self.layer1(x))
        return self.last(feature), feature
