# Idiom seen in: SKTBrain/DiscoGAN discogan/model.py
# What it reproduces: DCGAN-like Discriminator (returns the score and intermediate features for feature
# matching) and an encoder-decoder Generator; every conv is bias-free, BatchNorm2d after most of them.
# label-note: no findings here; the BatchNorm parameters are decayed by the optimizers in image_translation.py.
import torch
import torch.nn as nn


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 4, 2, 1, bias=False)
        self.conv2 = nn.Conv2d(64, 128, 4, 2, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(128)
        self.conv3 = nn.Conv2d(128, 256, 4, 2, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(256)
        self.conv4 = nn.Conv2d(256, 512, 4, 2, 1, bias=False)
        self.bn4 = nn.BatchNorm2d(512)
        self.conv5 = nn.Conv2d(512, 1, 4, 1, 0, bias=False)
        self.act = nn.LeakyReLU(0.2, inplace=True)

    def forward(self, x):
        relu1 = self.act(self.conv1(x))
        relu2 = self.act(self.bn2(self.conv2(relu1)))
        relu3 = self.act(self.bn3(self.conv3(relu2)))
        relu4 = self.act(self.bn4(self.conv4(relu3)))
        return torch.sigmoid(self.conv5(relu4)), [relu2, relu3, relu4]


def _down(cin, cout, bn=True):
    layers = [nn.Conv2d(cin, cout, 4, 2, 1, bias=False)]
    if bn:
        layers.append(nn.BatchNorm2d(cout))
    layers.append(nn.LeakyReLU(0.2, inplace=True))
    return layers


def _up(cin, cout):
    return [nn.ConvTranspose2d(cin, cout, 4, 2, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(True)]


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            *_down(3, 64, bn=False), *_down(64, 128), *_down(128, 256), *_down(256, 512),
            *_up(512, 256), *_up(256, 128), *_up(128, 64),
            nn.ConvTranspose2d(64, 3, 4, 2, 1, bias=False),
            nn.Sigmoid(),
        )

    def forward(self, x):
        return self.main(x)
