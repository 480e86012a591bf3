# Idiom seen in: facexteam/pytorch-cifar train_large_margin_zyf.py
# What it reproduces: the same argparse SGD setup (--lr/--mom/--wd), with the parameters split so that
# BatchNorm weights/biases get weight_decay 0 ("no bias decay"). Clean.
import argparse

import torch
import torch.nn as nn
import torch.optim as optim

from models import ResNet20_cifar10
from utils import get_cifar_loaders


def split_params(net):
    decay, no_decay = [], []
    for name, p in net.named_parameters():
        if p.ndim <= 1 or 'bn' in name or name.endswith('.bias'):
            no_decay.append(p)
        else:
            decay.append(p)
    return [{'params': decay, 'weight_decay': args.wd}, {'params': no_decay, 'weight_decay': 0.0}]


parser = argparse.ArgumentParser(description='PyTorch CIFAR10 Training')
parser.add_argument('--lr', default=0.1, type=float)
parser.add_argument('--mom', type=float, default=0.9)
parser.add_argument('--wd', type=float, default=1e-4)
parser.add_argument('--num-epochs', type=int, default=320)
args = parser.parse_args()

device = 'cuda' if torch.cuda.is_available() else 'cpu'
trainloader, _ = get_cifar_loaders('./data', batch_size=256)
net = ResNet20_cifar10().to(device)
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(split_params(net), lr=args.lr, momentum=args.mom)
scheduler = optim.lr_scheduler.MultiStepLR(optimizer, milestones=[160, 240], gamma=0.1)

for epoch in range(args.num_epochs):
    net.train()
    for inputs, targets in trainloader:
        inputs, targets = inputs.to(device), targets.to(device)
        optimizer.zero_grad()
        loss = criterion(net(inputs), targets)
        loss.backward()
        optimizer.step()
    scheduler.step()
