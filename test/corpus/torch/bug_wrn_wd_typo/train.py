# Idiom seen in: xternalz/WideResNet-pytorch train.py
# What it reproduces: user's mistake in the repo's argparse idiom: --weight-decay default 5e4 (meant
# 5e-4), so lr*wd = 0.1*5e4 far beyond the Nesterov-momentum stability limit (WD301); and
# SGD(model.parameters(), ...) decays the BatchNorm and fc bias parameters (WD203).
import argparse

import torch
import torch.nn as nn
import torch.backends.cudnn as cudnn
import torchvision.transforms as transforms
import torchvision.datasets as datasets

import wideresnet as wrn

parser = argparse.ArgumentParser(description='PyTorch WideResNet Training')
parser.add_argument('--dataset', default='cifar10', type=str)
parser.add_argument('--epochs', default=200, type=int)
parser.add_argument('-b', '--batch-size', default=128, type=int)
parser.add_argument('--lr', '--learning-rate', default=0.1, type=float)
parser.add_argument('--momentum', default=0.9, type=float)
parser.add_argument('--nesterov', default=True, type=bool)
parser.add_argument('--weight-decay', '--wd', default=5e4, type=float,  # expect: WD301
                    help='weight decay (default: 5e-4)')
parser.add_argument('--layers', default=28, type=int)
parser.add_argument('--widen-factor', default=10, type=int)
parser.add_argument('--droprate', default=0.3, type=float)


def main():
    args = parser.parse_args()
    normalize = transforms.Normalize(mean=[0.491, 0.482, 0.447], std=[0.247, 0.243, 0.262])
    transform_train = transforms.Compose([
        transforms.RandomCrop(32, padding=4), transforms.RandomHorizontalFlip(),
        transforms.ToTensor(), normalize])
    train_loader = torch.utils.data.DataLoader(
        datasets.__dict__[args.dataset.upper()]('../data', train=True, download=True, transform=transform_train),
        batch_size=args.batch_size, shuffle=True, num_workers=2)

    model = wrn.WideResNet(args.layers, 10 if args.dataset == 'cifar10' else 100,
                           args.widen_factor, drop_rate=args.droprate).cuda()
    cudnn.benchmark = True
    criterion = nn.CrossEntropyLoss().cuda()
    optimizer = torch.optim.SGD(model.parameters(), args.lr,  # expect: WD203
                                momentum=args.momentum, nesterov=args.nesterov,
                                weight_decay=args.weight_decay)

    for epoch in range(args.epochs):
        lr = args.lr * (0.2 ** int(epoch >= 60)) * (0.2 ** int(epoch >= 120)) * (0.2 ** int(epoch >= 160))
        for group in optimizer.param_groups:
            group['lr'] = lr
        model.train()
        for i, (inp, target) in enumerate(train_loader):
            inp, target = inp.cuda(), target.cuda(non_blocking=True)
            loss = criterion(model(inp), target)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if i % 100 == 0:
                print('epoch %d iter %d loss %.4f' % (epoch, i, loss.item()))


if __name__ == '__main__':
    main()
