# Idiom seen in: Natsu6767/DCGAN-PyTorch train.py
# What it reproduces: a top-level DCGAN script with a `params` dict, models from dcgan.py and two Adam
#   optimizers (betas=(0.5, 0.999)) without weight_decay; D is updated on real+fake, G on D(G(z)).
#   No decay anywhere. Clean.
import random

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
import torchvision.utils as vutils

from dcgan import Discriminator, Generator, weights_init
from utils import get_celeba

seed = 369
random.seed(seed)
torch.manual_seed(seed)

params = {
    "bsize": 128,
    'imsize': 64,
    'nc': 3,
    'nz': 100,
    'ngf': 64,
    'ndf': 64,
    'nepochs': 10,
    'lr': 0.0002,
    'beta1': 0.5,
    'save_epoch': 2}

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
dataloader = get_celeba(params)

netG = Generator(params).to(device)
netG.apply(weights_init)
netD = Discriminator(params).to(device)
netD.apply(weights_init)
criterion = nn.BCELoss()
fixed_noise = torch.randn(64, params['nz'], 1, 1, device=device)
real_label, fake_label = 1, 0

optimizerD = optim.Adam(netD.parameters(), lr=params['lr'], betas=(params['beta1'], 0.999))
optimizerG = optim.Adam(netG.parameters(), lr=params['lr'], betas=(params['beta1'], 0.999))

img_list, G_losses, D_losses = [], [], []
iters = 0
for epoch in range(params['nepochs']):
    for i, data in enumerate(dataloader, 0):
        real_data = data[0].to(device)
        b_size = real_data.size(0)
        netD.zero_grad()
        label = torch.full((b_size,), real_label, device=device, dtype=torch.float)
        errD_real = criterion(netD(real_data).view(-1), label)
        errD_real.backward()
        noise = torch.randn(b_size, params['nz'], 1, 1, device=device)
        fake_data = netG(noise)
        label.fill_(fake_label)
        errD_fake = criterion(netD(fake_data.detach()).view(-1), label)
        errD_fake.backward()
        errD = errD_real + errD_fake
        optimizerD.step()

        netG.zero_grad()
        label.fill_(real_label)
        errG = criterion(netD(fake_data).view(-1), label)
        errG.backward()
        optimizerG.step()

        if i % 50 == 0:
            print('[%d/%d][%d/%d]\tLoss_D: %.4f\tLoss_G: %.4f'
                  % (epoch, params['nepochs'], i, len(dataloader), errD.item(), errG.item()))
        G_losses.append(errG.item())
        D_losses.append(errD.item())
        if (iters % 100 == 0) or ((epoch == params['nepochs'] - 1) and (i == len(dataloader) - 1)):
            with torch.no_grad():
                fake_data = netG(fixed_noise).detach().cpu()
            img_list.append(vutils.make_grid(fake_data, padding=2, normalize=True))
        iters += 1
    if epoch % params['save_epoch'] == 0:
        torch.save({'generator': netG.state_dict(), 'discriminator': netD.state_dict(),
                    'optimizerG': optimizerG.state_dict(), 'optimizerD': optimizerD.state_dict(),
                    'params': params}, 'model/model_epoch_{}.pth'.format(epoch))
np.save('losses.npy', np.array([G_losses, D_losses]))
