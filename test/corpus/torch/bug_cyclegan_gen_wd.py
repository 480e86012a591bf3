# Idiom seen in: aitorzip/PyTorch-CycleGAN train.py
# What it reproduces: the CycleGAN generator optimizer over itertools.chain of both generators, with a
#   --weight_decay a user added (the repo has none): coupled L2 under Adam, on every conv bias too.
import argparse
import itertools

import torch
from torch.utils.data import DataLoader

from datasets import ImageDataset
from models import Discriminator, Generator
from utils import LambdaLR, ReplayBuffer

parser = argparse.ArgumentParser()
parser.add_argument('--n_epochs', type=int, default=200)
parser.add_argument('--decay_epoch', type=int, default=100)
parser.add_argument('--lr', type=float, default=0.0002)
parser.add_argument('--weight_decay', type=float, default=1e-4)
parser.add_argument('--dataroot', type=str, default='datasets/monet2photo/')
opt = parser.parse_args()

netG_A2B, netG_B2A = Generator(3, 3), Generator(3, 3)
netD_A, netD_B = Discriminator(3), Discriminator(3)

optimizer_G = torch.optim.Adam(
    itertools.chain(netG_A2B.parameters(), netG_B2A.parameters()),  # expect: WD203
    lr=opt.lr, betas=(0.5, 0.999),
    weight_decay=opt.weight_decay)  # expect: WD202
optimizer_D_A = torch.optim.Adam(netD_A.parameters(), lr=opt.lr, betas=(0.5, 0.999))
optimizer_D_B = torch.optim.Adam(netD_B.parameters(), lr=opt.lr, betas=(0.5, 0.999))
lr_scheduler_G = torch.optim.lr_scheduler.LambdaLR(optimizer_G, lr_lambda=LambdaLR(opt.n_epochs, 0, opt.decay_epoch).step)

criterion_GAN = torch.nn.MSELoss()
criterion_cycle = torch.nn.L1Loss()
criterion_identity = torch.nn.L1Loss()
fake_A_buffer, fake_B_buffer = ReplayBuffer(), ReplayBuffer()
dataloader = DataLoader(ImageDataset(opt.dataroot, unaligned=True), batch_size=1, shuffle=True)

for epoch in range(opt.n_epochs):
    for batch in dataloader:
        real_A, real_B = batch['A'], batch['B']
        optimizer_G.zero_grad()
        loss_identity = criterion_identity(netG_A2B(real_B), real_B) * 5.0 + criterion_identity(netG_B2A(real_A), real_A) * 5.0
        fake_B, fake_A = netG_A2B(real_A), netG_B2A(real_B)
        p_B, p_A = netD_B(fake_B), netD_A(fake_A)
        loss_GAN = criterion_GAN(p_B, torch.ones_like(p_B)) + criterion_GAN(p_A, torch.ones_like(p_A))
        loss_cycle = (criterion_cycle(netG_B2A(fake_B), real_A) + criterion_cycle(netG_A2B(fake_A), real_B)) * 10.0
        loss_G = loss_identity + loss_GAN + loss_cycle
        loss_G.backward()
        optimizer_G.step()

        optimizer_D_A.zero_grad()
        pr, pf = netD_A(real_A), netD_A(fake_A_buffer.push_and_pop(fake_A).detach())
        loss_D_A = (criterion_GAN(pr, torch.ones_like(pr)) + criterion_GAN(pf, torch.zeros_like(pf))) * 0.5
        loss_D_A.backward()
        optimizer_D_A.step()

        optimizer_D_B.zero_grad()
        pr, pf = netD_B(real_B), netD_B(fake_B_buffer.push_and_pop(fake_B).detach())
        loss_D_B = (criterion_GAN(pr, torch.ones_like(pr)) + criterion_GAN(pf, torch.zeros_like(pf))) * 0.5
        loss_D_B.backward()
        optimizer_D_B.step()
    lr_scheduler_G.step()
