# Idiom seen in: rosinality/stylegan2-pytorch train.py
# What it reproduces: StyleGAN2 training with two Adam optimizers (lr/betas scaled by the lazy-regularization ratio,
# no weight_decay), R1 on the discriminator's input gradients and path-length regularization on the generator,
# EMA generator via accumulate(): the penalties square gradients, not weights, so there is no weight decay to check.
import argparse
import math
import random

import torch
from torch import autograd, nn, optim
from torch.nn import functional as F
from torch.utils import data
from tqdm import tqdm

from dataset import MultiResolutionDataset
from model import Generator, Discriminator


def requires_grad(model, flag=True):
    for p in model.parameters():
        p.requires_grad = flag


def accumulate(model1, model2, decay=0.999):
    par1 = dict(model1.named_parameters())
    par2 = dict(model2.named_parameters())
    for k in par1.keys():
        par1[k].data.mul_(decay).add_(par2[k].data, alpha=1 - decay)


def d_logistic_loss(real_pred, fake_pred):
    return (F.softplus(-real_pred) + F.softplus(fake_pred)).mean()


def d_r1_loss(real_pred, real_img):
    grad_real, = autograd.grad(outputs=real_pred.sum(), inputs=real_img, create_graph=True)
    return grad_real.pow(2).reshape(grad_real.shape[0], -1).sum(1).mean()


def g_nonsaturating_loss(fake_pred):
    return F.softplus(-fake_pred).mean()


def g_path_regularize(fake_img, latents, mean_path_length, decay=0.01):
    noise = torch.randn_like(fake_img) / math.sqrt(fake_img.shape[2] * fake_img.shape[3])
    grad, = autograd.grad(outputs=(fake_img * noise).sum(), inputs=latents, create_graph=True)
    path_lengths = torch.sqrt(grad.pow(2).sum(2).mean(1))
    path_mean = mean_path_length + decay * (path_lengths.mean() - mean_path_length)
    return (path_lengths - path_mean).pow(2).mean(), path_mean.detach(), path_lengths


def train(args, loader, generator, discriminator, g_optim, d_optim, g_ema, device):
    loader = iter(loader)
    mean_path_length = 0
    accum = 0.5 ** (32 / (10 * 1000))
    for idx in tqdm(range(args.iter)):
        real_img = next(loader).to(device)

        requires_grad(generator, False)
        requires_grad(discriminator, True)
        noise = torch.randn(args.batch, args.latent, device=device)
        fake_img, _ = generator([noise])
        d_loss = d_logistic_loss(discriminator(real_img), discriminator(fake_img))
        discriminator.zero_grad()
        d_loss.backward()
        d_optim.step()

        if idx % args.d_reg_every == 0:
            real_img.requires_grad = True
            real_pred = discriminator(real_img)
            r1_loss = d_r1_loss(real_pred, real_img)
            discriminator.zero_grad()
            (args.r1 / 2 * r1_loss * args.d_reg_every + 0 * real_pred[0]).backward()
            d_optim.step()

        requires_grad(generator, True)
        requires_grad(discriminator, False)
        noise = torch.randn(args.batch, args.latent, device=device)
        fake_img, _ = generator([noise])
        g_loss = g_nonsaturating_loss(discriminator(fake_img))
        generator.zero_grad()
        g_loss.backward()
        g_optim.step()

        if idx % args.g_reg_every == 0:
            path_batch_size = max(1, args.batch // args.path_batch_shrink)
            noise = torch.randn(path_batch_size, args.latent, device=device)
            fake_img, latents = generator([noise], return_latents=True)
            path_loss, mean_path_length, _ = g_path_regularize(fake_img, latents, mean_path_length)
            generator.zero_grad()
            weighted_path_loss = args.path_regularize * args.g_reg_every * path_loss
            weighted_path_loss.backward()
            g_optim.step()

        accumulate(g_ema, generator, accum)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="StyleGAN2 trainer")
    parser.add_argument("path", type=str)
    parser.add_argument("--iter", type=int, default=800000)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--r1", type=float, default=10)
    parser.add_argument("--path_regularize", type=float, default=2)
    parser.add_argument("--path_batch_shrink", type=int, default=2)
    parser.add_argument("--d_reg_every", type=int, default=16)
    parser.add_argument("--g_reg_every", type=int, default=4)
    parser.add_argument("--lr", type=float, default=0.002)
    parser.add_argument("--channel_multiplier", type=int, default=2)
    args = parser.parse_args()
    device = "cuda"
    args.latent = 512
    args.n_mlp = 8

    generator = Generator(args.size, args.latent, args.n_mlp, channel_multiplier=args.channel_multiplier).to(device)
    discriminator = Discriminator(args.size, channel_multiplier=args.channel_multiplier).to(device)
    g_ema = Generator(args.size, args.latent, args.n_mlp, channel_multiplier=args.channel_multiplier).to(device)
    g_ema.eval()
    accumulate(g_ema, generator, 0)

    g_reg_ratio = args.g_reg_every / (args.g_reg_every + 1)
    d_reg_ratio = args.d_reg_every / (args.d_reg_every + 1)
    g_optim = optim.Adam(generator.parameters(), lr=args.lr * g_reg_ratio, betas=(0 ** g_reg_ratio, 0.99 ** g_reg_ratio))
    d_optim = optim.Adam(discriminator.parameters(), lr=args.lr * d_reg_ratio, betas=(0 ** d_reg_ratio, 0.99 ** d_reg_ratio))

    dataset = MultiResolutionDataset(args.path, resolution=args.size)
    loader = data.DataLoader(dataset, batch_size=args.batch, sampler=data.RandomSampler(dataset), drop_last=True)
    train(args, loader, generator, discriminator, g_optim, d_optim, g_ema, device)
