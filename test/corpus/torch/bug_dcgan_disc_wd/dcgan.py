# Idiom seen in: murumura/DCGAN-pytorch dcgan/dcgan.py
# What it reproduces: module-level `params` dict (updated from argparse by config_params) and the DCGAN
#   Generator / Discriminator with BatchNorm2d; 'weight_decay_d' is the edit's "regularize D" setting.
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

import utils

params = {
    'gpu': True,
    'batch_size': 128,
    'imsize': 64,
    'image_channel': 1,
    'z_dim': 100,
    'ngf': 64,
    'ndf': 64,
    'nepochs': 25,
    'lr': 0.0002,
    'beta1': 0.5,
    'weight_decay_d': 1e-4,
    'save_epoch': 2,
    'seed': 1,
    'dataset': 'mnist',
    'data_path': '../Data/mnist',
    'output_path': 'output/mnist',
}
REAL_LABEL = 1
FAKE_LABEL = 0


def config_params(args):
    for arg in vars(args):
        params.update({arg: getattr(args, arg)})


def init():
    cuda = params['gpu'] and torch.cuda.is_available()
    seed = params['seed'] if params['seed'] is not None else np.random.randint(1, 10000)
    np.random.seed(seed)
    torch.manual_seed(seed)
    params.update({'device': torch.device('cuda:0' if cuda else 'cpu')})


def weights_init(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        nn.init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find('BatchNorm') != -1:
        nn.init.normal_(m.weight.data, 1.0, 0.02)
        nn.init.constant_(m.bias.data, 0)


class Generator(nn.Module):
    def __init__(self, params):
        super().__init__()
        ngf, nz, nc = params['ngf'], params['z_dim'], params['image_channel']
        self.main = nn.Sequential(
            nn.ConvTranspose2d(nz, ngf * 8, 4, 1, 0, bias=False), nn.BatchNorm2d(ngf * 8), nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 8, ngf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 4), nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 4, ngf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf * 2), nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf), nn.ReLU(True),
            nn.ConvTranspose2d(ngf, nc, 4, 2, 1, bias=False), nn.Tanh())

    def forward(self, x):
        return self.main(x)


class Discriminator(nn.Module):
    def __init__(self, params):
        super().__init__()
        ndf, nc = params['ndf'], params['image_channel']
        self.main = nn.Sequential(
            nn.Conv2d(nc, ndf, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 2), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 4), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 4, ndf * 8, 4, 2, 1, bias=False), nn.BatchNorm2d(ndf * 8), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 8, 1, 4, 1, 0, bias=False), nn.Sigmoid())

    def forward(self, x):
        return self.main(x).view(-1, 1).squeeze(1)
