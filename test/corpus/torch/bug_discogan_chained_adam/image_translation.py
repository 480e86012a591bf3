# Idiom seen in: SKTBrain/DiscoGAN discogan/image_translation.py
# What it reproduces: two generators and two discriminators; each pair's parameters are joined with
# itertools.chain and handed to one Adam with betas (0.5, 0.999) and weight_decay=0.00001.
# label-note: each Adam call has weight_decay>0 (WD202) over modules holding BatchNorm2d weights/biases
# (WD203). Two optimizers, so the pair of labels appears on both lines.
import argparse
from itertools import chain

import torch
import torch.nn as nn
import torch.optim as optim

from dataset import get_data, read_images, shuffle_data
from model import Generator, Discriminator

parser = argparse.ArgumentParser(description='PyTorch implementation of DiscoGAN')
parser.add_argument('--task_name', type=str, default='facescrub')
parser.add_argument('--epoch_size', type=int, default=5000)
parser.add_argument('--batch_size', type=int, default=64)
parser.add_argument('--learning_rate', type=float, default=0.0002)
parser.add_argument('--image_size', type=int, default=64)
parser.add_argument('--update_interval', type=int, default=3)
parser.add_argument('--default_rate', type=float, default=0.5)


def get_gan_loss(dis_real, dis_fake, criterion):
    ones, zeros = torch.ones_like(dis_real), torch.zeros_like(dis_fake)
    dis_loss = criterion(dis_real, ones) * 0.5 + criterion(dis_fake, zeros) * 0.5
    gen_loss = criterion(dis_fake, torch.ones_like(dis_fake))
    return dis_loss, gen_loss


def main():
    args = parser.parse_args()
    data_A, data_B = get_data(args.task_name)

    generator_A, generator_B = Generator().cuda(), Generator().cuda()
    discriminator_A, discriminator_B = Discriminator().cuda(), Discriminator().cuda()
    recon_criterion, gan_criterion = nn.MSELoss(), nn.BCELoss()

    gen_params = chain(generator_A.parameters(), generator_B.parameters())
    dis_params = chain(discriminator_A.parameters(), discriminator_B.parameters())

    optim_gen = optim.Adam(gen_params, lr=args.learning_rate, betas=(0.5, 0.999), weight_decay=0.00001)  # expect: WD202, WD203
    optim_dis = optim.Adam(dis_params, lr=args.learning_rate, betas=(0.5, 0.999), weight_decay=0.00001)  # expect: WD202, WD203

    iters, rate = 0, args.default_rate
    n_batches = min(len(data_A), len(data_B)) // args.batch_size
    for epoch in range(args.epoch_size):
        data_A, data_B = shuffle_data(data_A, data_B)
        for i in range(n_batches):
            for net in (generator_A, generator_B, discriminator_A, discriminator_B):
                net.zero_grad()
            A = read_images(data_A[i * args.batch_size:(i + 1) * args.batch_size], args.image_size).cuda()
            B = read_images(data_B[i * args.batch_size:(i + 1) * args.batch_size], args.image_size).cuda()

            AB, BA = generator_B(A), generator_A(B)
            recon_loss_A = recon_criterion(generator_A(AB), A)
            recon_loss_B = recon_criterion(generator_B(BA), B)
            dis_loss_A, gen_loss_A = get_gan_loss(discriminator_A(A)[0], discriminator_A(BA)[0], gan_criterion)
            dis_loss_B, gen_loss_B = get_gan_loss(discriminator_B(B)[0], discriminator_B(AB)[0], gan_criterion)

            gen_loss = gen_loss_B * (1. - rate) + recon_loss_A * rate + gen_loss_A * (1. - rate) + recon_loss_B * rate
            dis_loss = dis_loss_A + dis_loss_B
            if iters % args.update_interval == 0:
                dis_loss.backward()
                optim_dis.step()
            else:
                gen_loss.backward()
                optim_gen.step()
            iters += 1


if __name__ == "__main__":
    main()
