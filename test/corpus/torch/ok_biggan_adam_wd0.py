# Idiom seen in: ajbrock/BigGAN-PyTorch BigGAN.py
# Idiom seen in: ajbrock/BigGAN-PyTorch train_fns.py
# What it reproduces: G and D each build their own Adam in __init__ with an explicit weight_decay=0; the only extra
#   regularization is BigGAN's orthogonal regularization, which edits gradients directly (no L2 on the weights): clean.
import functools

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import optim

import layers
import utils


class Generator(nn.Module):
    def __init__(self, G_ch=64, dim_z=128, bottom_width=4, resolution=128, n_classes=1000,
                 G_lr=5e-5, G_B1=0.0, G_B2=0.999, adam_eps=1e-8, num_G_SVs=1, num_G_SV_itrs=1):
        super(Generator, self).__init__()
        self.ch, self.dim_z, self.bottom_width = G_ch, dim_z, bottom_width
        self.which_conv = functools.partial(layers.SNConv2d, kernel_size=3, padding=1,
                                            num_svs=num_G_SVs, num_itrs=num_G_SV_itrs)
        self.which_linear = functools.partial(layers.SNLinear, num_svs=num_G_SVs, num_itrs=num_G_SV_itrs)
        self.shared = nn.Embedding(n_classes, 128)
        self.linear = self.which_linear(dim_z, 16 * G_ch * bottom_width ** 2)
        self.blocks = nn.ModuleList([layers.GBlock(16 * G_ch, 8 * G_ch, self.which_conv),
                                     layers.GBlock(8 * G_ch, 4 * G_ch, self.which_conv),
                                     layers.GBlock(4 * G_ch, 2 * G_ch, self.which_conv),
                                     layers.GBlock(2 * G_ch, G_ch, self.which_conv)])
        self.output_layer = nn.Sequential(nn.BatchNorm2d(G_ch), nn.ReLU(), self.which_conv(G_ch, 3))

        self.lr, self.B1, self.B2, self.adam_eps = G_lr, G_B1, G_B2, adam_eps
        self.optim = optim.Adam(params=self.parameters(), lr=self.lr,
                                betas=(self.B1, self.B2), weight_decay=0,
                                eps=self.adam_eps)

    def forward(self, z, y):
        h = self.linear(z).view(z.size(0), -1, self.bottom_width, self.bottom_width)
        for block in self.blocks:
            h = block(h, y)
        return torch.tanh(self.output_layer(h))


class Discriminator(nn.Module):
    def __init__(self, D_ch=64, n_classes=1000, D_lr=2e-4, D_B1=0.0, D_B2=0.999, adam_eps=1e-8):
        super(Discriminator, self).__init__()
        self.which_conv = functools.partial(layers.SNConv2d, kernel_size=3, padding=1)
        self.blocks = nn.ModuleList([layers.DBlock(3, D_ch, self.which_conv, preactivation=False),
                                     layers.DBlock(D_ch, 2 * D_ch, self.which_conv),
                                     layers.DBlock(2 * D_ch, 4 * D_ch, self.which_conv)])
        self.linear = layers.SNLinear(4 * D_ch, 1)
        self.embed = layers.SNEmbedding(n_classes, 4 * D_ch)
        self.lr, self.B1, self.B2, self.adam_eps = D_lr, D_B1, D_B2, adam_eps
        self.optim = optim.Adam(params=self.parameters(), lr=self.lr,
                                betas=(self.B1, self.B2), weight_decay=0, eps=self.adam_eps)

    def forward(self, x, y):
        h = x
        for block in self.blocks:
            h = block(h)
        h = torch.sum(F.relu(h), [2, 3])
        return self.linear(h) + torch.sum(self.embed(y) * h, 1, keepdim=True)


def GAN_training_function(G, D, z_, y_, config):
    def train(x, y):
        G.optim.zero_grad()
        D.optim.zero_grad()
        for step_index in range(config['num_D_steps']):
            D.optim.zero_grad()
            z_.sample_()
            y_.sample_()
            with torch.no_grad():
                G_z = G(z_, G.shared(y_))
            D_fake, D_real = D(G_z, y_), D(x, y)
            D_loss = torch.mean(F.relu(1. - D_real)) + torch.mean(F.relu(1. + D_fake))
            D_loss.backward()
            if config['D_ortho'] > 0.0:
                utils.ortho(D, config['D_ortho'], blacklist=[param for param in D.embed.parameters()])
            D.optim.step()

        G.optim.zero_grad()
        z_.sample_()
        y_.sample_()
        G_loss = -torch.mean(D(G(z_, G.shared(y_)), y_))
        G_loss.backward()
        if config['G_ortho'] > 0.0:
            utils.ortho(G, config['G_ortho'], blacklist=[param for param in G.shared.parameters()])
        G.optim.step()
        return {'G_loss': float(G_loss.item()), 'D_loss': float(D_loss.item())}
    return train
