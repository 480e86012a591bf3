# Idiom seen in: kuangliu/pytorch-cifar main.py; pytorch/examples imagenet/main.py
# What it reproduces: the usual one-group `optim.SGD(net.parameters(), ..., weight_decay=args.weight_decay)`, here
# on PlainNet from the models package, which has no biases and no normalization layers: nothing to exclude (clean).
# label-note: WD203 must not fire: the model is defined in this workspace and provably has only kernels/matrices.
import argparse

import torch
import torch.nn as nn
import torch.optim as optim

from cifar_input import build_loaders
from models import PlainNet

parser = argparse.ArgumentParser(description='PyTorch CIFAR10 plain-net training')
parser.add_argument('--lr', default=0.05, type=float)
parser.add_argument('--momentum', default=0.9, type=float)
parser.add_argument('--weight-decay', '--wd', default=5e-4, type=float, dest='weight_decay')
parser.add_argument('--epochs', default=160, type=int)


def main():
    args = parser.parse_args()
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    trainloader, testloader = build_loaders(batch_size=128, augment=True)

    net = PlainNet()
    net = net.to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(net.parameters(), lr=args.lr, momentum=args.momentum,
                          weight_decay=args.weight_decay)
    scheduler = optim.lr_scheduler.MultiStepLR(optimizer, milestones=[80, 120], gamma=0.1)

    for epoch in range(args.epochs):
        net.train()
        for inputs, targets in trainloader:
            inputs, targets = inputs.to(device), targets.to(device)
            optimizer.zero_grad()
            loss = criterion(net(inputs), targets)
            loss.backward()
            optimizer.step()
        scheduler.step()
        print('epoch %d loss %.4f' % (epoch, loss.item()))


if __name__ == '__main__':
    main()
