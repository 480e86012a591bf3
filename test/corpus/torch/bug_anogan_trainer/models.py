# Idiom seen in: llien30/AnoGAN trainer.py
# What it reproduces: AnoGAN training loop with separate Adam optimizers for G and D; a user "regularizes" the
#   discriminator by adding weight_decay to its Adam (coupled L2) over all of D.parameters(), BatchNorm included.
#   The repository itself uses no decay; this is the realistic mistake in its idiom.
import torch.nn as nn


class Generator(nn.Module):
    def __init__(self, z_dim=20, image_size=64):
        super(Generator, self).__init__()
        self.layer1 = nn.Sequential(nn.ConvTranspose2d(z_dim, image_size * 8, 4, 1), nn.BatchNorm2d(image_size * 8), nn.ReLU(inplace=True))
        self.layer2 = nn.Sequential(nn.ConvTranspose2d(image_size * 8, image_size * 4, 4, 2, 1), nn.BatchNorm2d(image_size * 4), nn.ReLU(inplace=True))
        self.layer3 = nn.Sequential(nn.ConvTranspose2d(image_size * 4, image_size * 2, 4, 2, 1), nn.BatchNorm2d(image_size * 2), nn.ReLU(inplace=True))
        self.layer4 = nn.Sequential(nn.ConvTranspose2d(image_size * 2, image_size, 4, 2, 1), nn.BatchNorm2d(image_size), nn.ReLU(inplace=True))
        self.last = nn.Sequential(nn.ConvTranspose2d(image_size, 1, 4, 2, 1), nn.Tanh())

    def forward(self, z):
        return self.last(self.layer4(self.layer3(self.layer2(self.layer1(z)))))


class Discriminator(nn.Module):
    def __init__(self, image_size=64):
        super(Discriminator, self).__init__()
        self.layer1 = nn.Sequential(nn.Conv2d(1, image_size, 4, 2, 1), nn.LeakyReLU(0.1, inplace=True))
        self.layer2 = nn.Sequential(nn.Conv2d(image_size, image_size * 2, 4, 2, 1), nn.BatchNorm2d(image_size * 2), nn.LeakyReLU(0.1, inplace=True))
        self.layer3 = nn.Sequential(nn.Conv2d(image_size * 2, image_size * 4, 4, 2, 1), nn.BatchNorm2d(image_size * 4), nn.LeakyReLU(0.1, inplace=True))
        self.layer4 = nn.Sequential(nn.Conv2d(image_size * 4, image_size * 8, 4, 2, 1), nn.BatchNorm2d(image_size * 8), nn.LeakyReLU(0.1, inplace=True))
        self.last = nn.Conv2d(image_size * 8, 1, 4, 1)

    def forward(self, x):
        feature = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        out = self.last(feature)
        return out, feature.view(feature.size(0), -1)
