# Idiom seen in: kiyeonj21/deep-learning-pytorch-tutorial experiments/fcnn2.py
# What it reproduces: the experiment script as the repository has it: Adam(model.parameters(), lr=1e-3,
#   weight_decay=5e-4): coupled L2 that Adam's per-parameter scaling weakens (WD202), on one group that
#   also holds every conv bias (WD203).
import argparse
import os
from itertools import cycle
from os import path

import torch
from torch import nn, optim

from models import FConvNetModel2
from utils import load_tux

downsample = nn.AvgPool2d(5, 4, 2)


def train(max_iter, batch_size=64, log_dir=None):
    train_dataloader = load_tux(path.join('..', 'data', 'fc_trainval', 'train'), num_workers=4, crop=64)
    train_iter = cycle(iter(train_dataloader))

    model = FConvNetModel2()
    print(f"Num of parameters: {sum([p.numel() for p in model.parameters() if p.requires_grad])}")

    optimizer = optim.Adam(model.parameters(), lr=1e-3, weight_decay=5e-4)  # expect: WD202, WD203
    loss = nn.L1Loss()

    for t in range(max_iter):
        batch = next(train_iter)
        batch_targets = batch['inp_image']
        batch_labels = batch['lbl_image'].long()
        batch_inputs = downsample(batch_targets).detach()
        model.train()
        optimizer.zero_grad()
        model_outputs = model(batch_inputs, batch_labels)
        t_loss_val = loss(model_outputs, batch_targets)
        t_loss_val.backward()
        optimizer.step()
        if t % 10 == 0:
            print(f'[{t:5d}] t_loss = {t_loss_val:1.6f}')

    torch.save(model.state_dict(), os.path.join(path.dirname(path.abspath(__file__)), 'fconvnet2.th'))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('-i', '--max_iter', type=int, default=10000)
    parser.add_argument('-l', '--log_dir')
    args = parser.parse_args()
    train(args.max_iter, log_dir=args.log_dir)
