# Idiom seen in: YZC-99/Semi_Zoo scripts/run_vessel.sh
# What it reproduces: supervised DRIVE vessel segmentation with --optim Adam|SGD: Adam runs without decay,
# SGD (nesterov, momentum 0.99, nnU-Net style) decays only the conv kernels (ndim > 1). Clean.
import argparse

import torch
import torch.nn as nn
import torch.optim as optim

from dataloader.drive import get_drive_loader  # not in this workspace
from unet import UNet

parser = argparse.ArgumentParser()
parser.add_argument('--dataset_name', default='DRIVE')
parser.add_argument('--optim', default='Adam', choices=['Adam', 'SGD'])
parser.add_argument('--base_lr', type=float, default=0.0003)
parser.add_argument('--weight_decay', type=float, default=3e-5)
parser.add_argument('--batch_size', type=int, default=8)
parser.add_argument('--max_iterations', type=int, default=3000)
parser.add_argument('--image_size', type=int, default=256)
args = parser.parse_args()


def build_optimizer(model, args):
    if args.optim == 'Adam':
        return optim.Adam(model.parameters(), lr=args.base_lr, betas=(0.9, 0.999))
    decay = [p for p in model.parameters() if p.ndim > 1]
    no_decay = [p for p in model.parameters() if p.ndim <= 1]
    return optim.SGD([
        {'params': decay, 'weight_decay': args.weight_decay},
        {'params': no_decay, 'weight_decay': 0.0},
    ], lr=args.base_lr, momentum=0.99, nesterov=True)


model = UNet(in_chns=3, class_num=2).cuda()
optimizer = build_optimizer(model, args)
ce = nn.CrossEntropyLoss()
loader = get_drive_loader(args.image_size, args.batch_size)

iter_num = 0
model.train()
while iter_num < args.max_iterations:
    for img, mask in loader:
        img, mask = img.cuda(), mask.cuda()
        loss = ce(model(img), mask)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        lr_ = args.base_lr * (1.0 - iter_num / args.max_iterations) ** 0.9
        for group in optimizer.param_groups:
            group['lr'] = lr_
        iter_num += 1
        if iter_num % 100 == 0:
            print('iteration %d : loss %.4f' % (iter_num, loss.item()))
        if iter_num >= args.max_iterations:
            break
