# Idiom seen in: facexteam/pytorch-cifar train_large_margin_zyf.py
# What it reproduces: a CosFace head wrapping a ResNet20 with BatchNorm, trained with
# optim.SGD(net.parameters(), momentum=args.mom, weight_decay=args.wd): BN affine params and biases decay (as in the repo).
import argparse

import torch
import torch.nn as nn
import torch.optim as optim
import torchvision
import torchvision.transforms as transforms

from models.resnet_cifar import ResNet20_cifar10_nofc
from models.large_margin_module import LargeMarginModule_Cosineface


def add_arg_parser():
    parser = argparse.ArgumentParser(description='PyTorch CIFAR10 Training')
    parser.add_argument('--lr', default=0.1, type=float, help='learning rate')
    parser.add_argument('--mom', type=float, default=0.9, help='momentum for sgd')
    parser.add_argument('--wd', type=float, default=1e-4, help='weight decay for sgd')
    parser.add_argument('--num-epochs', type=int, default=320)
    parser.add_argument('--batch-size', type=int, default=256)
    parser.add_argument('--lr-step-epochs', type=str, default='160,240')
    parser.add_argument('--loss-scale', type=float, default=32)
    parser.add_argument('--loss-m', type=float, default=0.35)
    parser.add_argument('--cifar-dir', type=str, default='./data')
    return parser


def main():
    args = add_arg_parser().parse_args()
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    transform_train = transforms.Compose([
        transforms.RandomCrop(32, padding=4),
        transforms.RandomHorizontalFlip(),
        transforms.ToTensor(),
        transforms.Normalize((0.4914, 0.4822, 0.4465), (0.2023, 0.1994, 0.2010)),
    ])
    trainset = torchvision.datasets.CIFAR10(root=args.cifar_dir, train=True, download=True,
                                            transform=transform_train)
    trainloader = torch.utils.data.DataLoader(trainset, batch_size=args.batch_size, shuffle=True)

    net = ResNet20_cifar10_nofc()
    net = LargeMarginModule_Cosineface(net, 10, args.loss_scale, args.loss_m)
    net = net.to(device)

    criterion = nn.CrossEntropyLoss().to(device)
    optimizer = optim.SGD(net.parameters(), lr=args.lr,  # expect: WD203
                          momentum=args.mom, weight_decay=args.wd)
    step_epochs = [int(l) for l in args.lr_step_epochs.split(',')]
    scheduler = optim.lr_scheduler.MultiStepLR(optimizer, milestones=step_epochs, gamma=0.1)

    for epoch in range(args.num_epochs):
        net.train()
        for inputs, targets in trainloader:
            inputs, targets = inputs.to(device), targets.to(device)
            optimizer.zero_grad()
            outputs, cos_theta = net(inputs, targets)
            loss = criterion(outputs, targets)
            loss.backward()
            optimizer.step()
        scheduler.step()


if __name__ == '__main__':
    main()
