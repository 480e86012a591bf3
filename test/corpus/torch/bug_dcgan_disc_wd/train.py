# Idiom seen in: murumura/DCGAN-pytorch dcgan/train.py
# What it reproduces: a Trainer class building both nets and two Adam optimizers from `params`. The
#   repo's optimizers have no decay; the edit gives D Adam(weight_decay=params['weight_decay_d']):
#   coupled L2 (WD202) that also pulls D's BatchNorm scales and shifts to zero (WD203).
import os

import torch
import torch.nn as nn
import torch.optim as optim
import torchvision.utils as vutils

from dcgan import Discriminator, FAKE_LABEL, Generator, REAL_LABEL, weights_init
from utils import get_CelebA, get_mnist, plot_loss


class Trainer():
    def __init__(self, params):
        self.num_epochs = params['nepochs']
        self.output_path = params['output_path']

    def train(self, params):
        netG = Generator(params).to(params['device'])
        netG.apply(weights_init)
        netD = Discriminator(params).to(params['device'])
        netD.apply(weights_init)
        criterion = nn.BCELoss()

        optimizerD = optim.Adam(netD.parameters(), lr=params['lr'], betas=(params['beta1'], 0.999), weight_decay=params['weight_decay_d'])  # expect: WD202, WD203
        optimizerG = optim.Adam(netG.parameters(), lr=params['lr'], betas=(params['beta1'], 0.999))

        dataloader = get_mnist(params) if params['dataset'] == 'mnist' else get_CelebA(params)
        d_hist, g_hist = [], []
        for epoch in range(self.num_epochs):
            for i, data in enumerate(dataloader):
                x_real = data[0].to(params['device'])
                b = x_real.size(0)
                real_label = torch.full((b,), REAL_LABEL, device=params['device'], dtype=torch.float)
                fake_label = torch.full((b,), FAKE_LABEL, device=params['device'], dtype=torch.float)

                netD.zero_grad()
                loss_D_real = criterion(netD(x_real), real_label)
                loss_D_real.backward()
                z_noise = torch.randn(b, params['z_dim'], 1, 1, device=params['device'])
                x_fake = netG(z_noise)
                loss_D_fake = criterion(netD(x_fake.detach()), fake_label)
                loss_D_fake.backward()
                optimizerD.step()

                netG.zero_grad()
                loss_G = criterion(netD(x_fake), real_label)
                loss_G.backward()
                optimizerG.step()

                d_hist.append((loss_D_real + loss_D_fake).item())
                g_hist.append(loss_G.item())
                if i % 100 == 0:
                    print('Epoch {} [{}/{}] loss_D: {:.4f} loss_G: {:.4f}'.format(
                        epoch, i, len(dataloader), d_hist[-1], g_hist[-1]))
            with torch.no_grad():
                vutils.save_image(netG(z_noise), os.path.join(self.output_path, f'fake_{epoch + 1}.png'),
                                  normalize=True)
            plot_loss(d_hist, g_hist, epoch + 1, self.num_epochs, self.output_path)
            torch.save(netG.state_dict(), os.path.join(self.output_path, f'netG_{epoch}.pth'))
