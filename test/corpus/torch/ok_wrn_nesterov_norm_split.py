# Idiom seen in: xternalz/WideResNet-pytorch train.py
# What it reproduces: WRN CIFAR training with SGD + Nesterov and --weight-decay 5e-4, but the
# parameters are grouped by module type first: BatchNorm parameters and biases get weight_decay 0.
# lr*wd = 5e-5, far from any stability limit. Clean.
import argparse

import torch
import torch.nn as nn
import torchvision.datasets as datasets
import torchvision.transforms as transforms

import wideresnet as wrn

parser = argparse.ArgumentParser(description='PyTorch WideResNet Training')
parser.add_argument('--epochs', default=200, type=int)
parser.add_argument('-b', '--batch-size', default=128, type=int)
parser.add_argument('--lr', default=0.1, type=float)
parser.add_argument('--momentum', default=0.9, type=float)
parser.add_argument('--weight-decay', '--wd', default=5e-4, type=float)
parser.add_argument('--layers', default=28, type=int)
parser.add_argument('--widen-factor', default=10, type=int)

NORM_TYPES = (nn.BatchNorm1d, nn.BatchNorm2d, nn.GroupNorm, nn.LayerNorm)


def param_groups(model, weight_decay):
    decay, no_decay = [], []
    for module in model.modules():
        for key, value in module.named_parameters(recurse=False):
            if not value.requires_grad:
                continue
            if isinstance(module, NORM_TYPES) or key == 'bias':
                no_decay.append(value)
            else:
                decay.append(value)
    return [{'params': decay, 'weight_decay': weight_decay},
            {'params': no_decay, 'weight_decay': 0.0}]


def main():
    args = parser.parse_args()
    tr = transforms.Compose([transforms.RandomCrop(32, padding=4), transforms.RandomHorizontalFlip(),
                             transforms.ToTensor()])
    loader = torch.utils.data.DataLoader(datasets.CIFAR10('../data', train=True, download=True, transform=tr),
                                         batch_size=args.batch_size, shuffle=True)
    model = wrn.WideResNet(args.layers, 10, args.widen_factor).cuda()
    optimizer = torch.optim.SGD(param_groups(model, args.weight_decay), args.lr,
                                momentum=args.momentum, nesterov=True)
    criterion = nn.CrossEntropyLoss().cuda()
    for epoch in range(args.epochs):
        lr = args.lr * (0.2 ** sum(epoch >= m for m in (60, 120, 160)))
        for g in optimizer.param_groups:
            g['lr'] = lr
        model.train()
        for x, y in loader:
            loss = criterion(model(x.cuda()), y.cuda())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == '__main__':
    main()
