# Idiom seen in: timgaripov/swa train.py
# What it reproduces: the same SWA/SGD script, but the parameters are split before the optimizer:
# tensors with ndim <= 1 (BatchNorm scales/shifts, biases) get weight_decay 0, kernels get --wd. Clean.
import argparse
import os

import torch
import torch.nn.functional as F
import torchvision

import models
import utils

parser = argparse.ArgumentParser(description='SGD/SWA training')
parser.add_argument('--dir', type=str, required=True)
parser.add_argument('--dataset', type=str, default='CIFAR10')
parser.add_argument('--data_path', type=str, default='./data')
parser.add_argument('--batch_size', type=int, default=128)
parser.add_argument('--model', type=str, default='VGG16BN')
parser.add_argument('--epochs', type=int, default=200)
parser.add_argument('--lr_init', type=float, default=0.05)
parser.add_argument('--momentum', type=float, default=0.9)
parser.add_argument('--wd', type=float, default=5e-4)
args = parser.parse_args()

os.makedirs(args.dir, exist_ok=True)
model_cfg = getattr(models, args.model)
ds = getattr(torchvision.datasets, args.dataset)
train_set = ds(args.data_path, train=True, download=True, transform=model_cfg.transform_train)
train_loader = torch.utils.data.DataLoader(train_set, batch_size=args.batch_size, shuffle=True)
model = model_cfg.base(*model_cfg.args, num_classes=10, **model_cfg.kwargs).cuda()


def split_decay(net):
    decay, no_decay = [], []
    for name, p in net.named_parameters():
        if not p.requires_grad:
            continue
        if p.ndim <= 1 or name.endswith('.bias'):
            no_decay.append(p)
        else:
            decay.append(p)
    return [{'params': decay, 'weight_decay': args.wd},
            {'params': no_decay, 'weight_decay': 0.0}]


optimizer = torch.optim.SGD(split_decay(model), lr=args.lr_init, momentum=args.momentum)

for epoch in range(args.epochs):
    utils.adjust_learning_rate(optimizer, args.lr_init * (0.1 ** (epoch // 80)))
    res = utils.train_epoch(train_loader, model, F.cross_entropy, optimizer)
    print(epoch, res['loss'], res['accuracy'])
