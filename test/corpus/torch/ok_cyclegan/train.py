# Idiom seen in: aitorzip/PyTorch-CycleGAN train.py
# What it reproduces: one Adam for both generators over itertools.chain(...) and one Adam per discriminator,
#   betas=(0.5, 0.999), LambdaLR schedulers, no weight decay and no penalty on weights: clean.
import argparse
import itertools

import torch
from torch.utils.data import DataLoader

from datasets import ImageDataset
from models import Discriminator, Generator
from utils import LambdaLR, ReplayBuffer, weights_init_normal

parser = argparse.ArgumentParser()
parser.add_argument('--epoch', type=int, default=0)
parser.add_argument('--n_epochs', type=int, default=200)
parser.add_argument('--batchSize', type=int, default=1)
parser.add_argument('--dataroot', type=str, default='datasets/horse2zebra/')
parser.add_argument('--lr', type=float, default=0.0002)
parser.add_argument('--decay_epoch', type=int, default=100)
parser.add_argument('--input_nc', type=int, default=3)
parser.add_argument('--output_nc', type=int, default=3)
opt = parser.parse_args()

netG_A2B = Generator(opt.input_nc, opt.output_nc)
netG_B2A = Generator(opt.output_nc, opt.input_nc)
netD_A = Discriminator(opt.input_nc)
netD_B = Discriminator(opt.output_nc)
for net in (netG_A2B, netG_B2A, netD_A, netD_B):
    net.apply(weights_init_normal)

criterion_GAN = torch.nn.MSELoss()
criterion_cycle = torch.nn.L1Loss()

optimizer_G = torch.optim.Adam(itertools.chain(netG_A2B.parameters(), netG_B2A.parameters()),
                               lr=opt.lr, betas=(0.5, 0.999))
optimizer_D_A = torch.optim.Adam(netD_A.parameters(), lr=opt.lr, betas=(0.5, 0.999))
optimizer_D_B = torch.optim.Adam(netD_B.parameters(), lr=opt.lr, betas=(0.5, 0.999))

lr_scheduler_G = torch.optim.lr_scheduler.LambdaLR(
    optimizer_G, lr_lambda=LambdaLR(opt.n_epochs, opt.epoch, opt.decay_epoch).step)
lr_scheduler_D_A = torch.optim.lr_scheduler.LambdaLR(
    optimizer_D_A, lr_lambda=LambdaLR(opt.n_epochs, opt.epoch, opt.decay_epoch).step)
lr_scheduler_D_B = torch.optim.lr_scheduler.LambdaLR(
    optimizer_D_B, lr_lambda=LambdaLR(opt.n_epochs, opt.epoch, opt.decay_epoch).step)

fake_A_buffer, fake_B_buffer = ReplayBuffer(), ReplayBuffer()
dataloader = DataLoader(ImageDataset(opt.dataroot, unaligned=True), batch_size=opt.batchSize, shuffle=True)

for epoch in range(opt.epoch, opt.n_epochs):
    for i, batch in enumerate(dataloader):
        real_A, real_B = batch['A'], batch['B']
        optimizer_G.zero_grad()
        fake_B = netG_A2B(real_A)
        pred_fake = netD_B(fake_B)
        loss_GAN_A2B = criterion_GAN(pred_fake, torch.ones_like(pred_fake))
        fake_A = netG_B2A(real_B)
        pred_fake = netD_A(fake_A)
        loss_GAN_B2A = criterion_GAN(pred_fake, torch.ones_like(pred_fake))
        loss_cycle = criterion_cycle(netG_B2A(fake_B), real_A) * 10.0 + criterion_cycle(netG_A2B(fake_A), real_B) * 10.0
        loss_G = loss_GAN_A2B + loss_GAN_B2A + loss_cycle
        loss_G.backward()
        optimizer_G.step()

        for netD, opt_D, real, fake, buf in ((netD_A, optimizer_D_A, real_A, fake_A, fake_A_buffer),
                                             (netD_B, optimizer_D_B, real_B, fake_B, fake_B_buffer)):
            opt_D.zero_grad()
            pred_real = netD(real)
            pred_fake = netD(buf.push_and_pop(fake).detach())
            loss_D = (criterion_GAN(pred_real, torch.ones_like(pred_real))
                      + criterion_GAN(pred_fake, torch.zeros_like(pred_fake))) * 0.5
            loss_D.backward()
            opt_D.step()

    lr_scheduler_G.step()
    lr_scheduler_D_A.step()
    lr_scheduler_D_B.step()
    torch.save(netG_A2B.state_dict(), 'output/netG_A2B.pth')
