# Idiom seen in: caogang/wgan-gp gan_toy.py
# What it reproduces: WGAN-GP on a toy 2-D distribution: separate Adam for G and D with betas=(0.5, 0.9),
#   no weight decay; the only penalty is the gradient penalty on interpolates (not a weight penalty): clean.
import random

import numpy as np
import torch
import torch.autograd as autograd
import torch.nn as nn
import torch.optim as optim

import tflib.plot

MODE = 'wgan-gp'
DATASET = '8gaussians'
DIM = 512
LAMBDA = .1
CRITIC_ITERS = 5
BATCH_SIZE = 256
ITERS = 100000


class Generator(nn.Module):
    def __init__(self):
        super(Generator, self).__init__()
        self.main = nn.Sequential(nn.Linear(2, DIM), nn.ReLU(True), nn.Linear(DIM, DIM), nn.ReLU(True),
                                  nn.Linear(DIM, DIM), nn.ReLU(True), nn.Linear(DIM, 2))

    def forward(self, noise, real_data):
        return self.main(noise)


class Discriminator(nn.Module):
    def __init__(self):
        super(Discriminator, self).__init__()
        self.main = nn.Sequential(nn.Linear(2, DIM), nn.ReLU(True), nn.Linear(DIM, DIM), nn.ReLU(True),
                                  nn.Linear(DIM, DIM), nn.ReLU(True), nn.Linear(DIM, 1))

    def forward(self, inputs):
        return self.main(inputs).view(-1)


def inf_train_gen():
    scale = 2.
    centers = [(1, 0), (-1, 0), (0, 1), (0, -1), (1. / np.sqrt(2), 1. / np.sqrt(2)),
               (1. / np.sqrt(2), -1. / np.sqrt(2)), (-1. / np.sqrt(2), 1. / np.sqrt(2)),
               (-1. / np.sqrt(2), -1. / np.sqrt(2))]
    centers = [(scale * x, scale * y) for x, y in centers]
    while True:
        dataset = []
        for i in range(BATCH_SIZE):
            point = np.random.randn(2) * .02
            center = random.choice(centers)
            dataset.append(point + np.array(center))
        yield np.array(dataset, dtype='float32') / 1.414


def calc_gradient_penalty(netD, real_data, fake_data):
    alpha = torch.rand(BATCH_SIZE, 1).expand(real_data.size())
    interpolates = (alpha * real_data + (1 - alpha) * fake_data).requires_grad_(True)
    disc_interpolates = netD(interpolates)
    gradients = autograd.grad(outputs=disc_interpolates, inputs=interpolates,
                              grad_outputs=torch.ones(disc_interpolates.size()),
                              create_graph=True, retain_graph=True, only_inputs=True)[0]
    return ((gradients.norm(2, dim=1) - 1) ** 2).mean() * LAMBDA


netG, netD = Generator(), Discriminator()
optimizerD = optim.Adam(netD.parameters(), lr=1e-4, betas=(0.5, 0.9))
optimizerG = optim.Adam(netG.parameters(), lr=1e-4, betas=(0.5, 0.9))
data = inf_train_gen()

for iteration in range(ITERS):
    for iter_d in range(CRITIC_ITERS):
        real_data = torch.from_numpy(next(data))
        netD.zero_grad()
        fake = netG(torch.randn(BATCH_SIZE, 2), real_data).detach()
        D_real = netD(real_data).mean()
        D_fake = netD(fake).mean()
        gradient_penalty = calc_gradient_penalty(netD, real_data, fake)
        D_cost = D_fake - D_real + gradient_penalty
        D_cost.backward()
        optimizerD.step()

    netG.zero_grad()
    G_cost = -netD(netG(torch.randn(BATCH_SIZE, 2), real_data)).mean()
    G_cost.backward()
    optimizerG.step()
    tflib.plot.plot('tmp/' + DATASET + '/disc cost', D_cost.item())
    tflib.plot.plot('tmp/' + DATASET + '/gen cost', G_cost.item())
    if iteration % 100 == 99:
        tflib.plot.flush()
    tflib.plot.tick()
