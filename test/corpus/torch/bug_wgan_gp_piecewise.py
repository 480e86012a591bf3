# Idiom seen in: caogang/wgan-gp gan_mnist.py
# What it reproduces: WGAN-GP's critic step calls backward() piece by piece (D_real.backward(mone),
#   D_fake.backward(one), gradient_penalty.backward()); a user's critic L2 term only joins D_cost, which is
#   never differentiated, just plotted: the decay is computed and dropped (the repo has no such term).
import numpy as np
import torch
import torch.autograd as autograd
import torch.nn as nn
import torch.optim as optim

import tflib as lib
import tflib.mnist
import tflib.plot

DIM = 64
BATCH_SIZE = 50
CRITIC_ITERS = 5
LAMBDA = 10
CRITIC_L2 = 1e-4
ITERS = 200000
OUTPUT_DIM = 784


class Generator(nn.Module):
    def __init__(self):
        super(Generator, self).__init__()
        self.preprocess = nn.Sequential(nn.Linear(128, 4 * 4 * 4 * DIM), nn.ReLU(True))
        self.block1 = nn.Sequential(nn.ConvTranspose2d(4 * DIM, 2 * DIM, 5), nn.ReLU(True))
        self.block2 = nn.Sequential(nn.ConvTranspose2d(2 * DIM, DIM, 5), nn.ReLU(True))
        self.deconv_out = nn.ConvTranspose2d(DIM, 1, 8, stride=2)

    def forward(self, z):
        out = self.preprocess(z).view(-1, 4 * DIM, 4, 4)
        out = self.block1(out)[:, :, :7, :7]
        out = self.deconv_out(self.block2(out))
        return torch.sigmoid(out).view(-1, OUTPUT_DIM)


class Discriminator(nn.Module):
    def __init__(self):
        super(Discriminator, self).__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, DIM, 5, stride=2, padding=2), nn.ReLU(True),
            nn.Conv2d(DIM, 2 * DIM, 5, stride=2, padding=2), nn.ReLU(True),
            nn.Conv2d(2 * DIM, 4 * DIM, 5, stride=2, padding=2), nn.ReLU(True))
        self.output = nn.Linear(4 * 4 * 4 * DIM, 1)

    def forward(self, x):
        out = self.main(x.view(-1, 1, 28, 28)).view(-1, 4 * 4 * 4 * DIM)
        return self.output(out).view(-1)


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
one = torch.tensor(1.0)
mone = one * -1

train_gen, dev_gen, test_gen = lib.mnist.load(BATCH_SIZE, BATCH_SIZE)


def inf_train_gen():
    while True:
        for images, targets in train_gen():
            yield images


data = inf_train_gen()
for iteration in range(ITERS):
    for p in netD.parameters():
        p.requires_grad = True
    for iter_d in range(CRITIC_ITERS):
        real_data = torch.Tensor(next(data))
        netD.zero_grad()
        D_real = netD(real_data).mean()
        D_real.backward(mone)
        with torch.no_grad():
            fake = netG(torch.randn(BATCH_SIZE, 128))
        D_fake = netD(fake).mean()
        D_fake.backward(one)
        gradient_penalty = calc_gradient_penalty(netD, real_data, fake)
        gradient_penalty.backward()
        critic_l2 = CRITIC_L2 * sum(p.pow(2).sum() for p in netD.parameters())  # expect: WD104
        D_cost = D_fake - D_real + gradient_penalty + critic_l2
        Wasserstein_D = D_real - D_fake
        optimizerD.step()

    for p in netD.parameters():
        p.requires_grad = False
    netG.zero_grad()
    G = netD(netG(torch.randn(BATCH_SIZE, 128))).mean()
    G.backward(mone)
    G_cost = -G
    optimizerG.step()

    lib.plot.plot('tmp/mnist/train disc cost', D_cost.detach().numpy())
    lib.plot.plot('tmp/mnist/train gen cost', G_cost.detach().numpy())
    lib.plot.plot('tmp/mnist/wasserstein distance', Wasserstein_D.detach().numpy())
    if iteration % 100 == 99:
        lib.plot.flush()
    lib.plot.tick()
