# Idiom seen in: akamaster/pytorch_resnet_cifar10 trainer.py
# What it reproduces: CIFAR ResNet trainer whose --weight-decay default was typed 1e4 instead of 1e-4:
# with lr 0.1 and momentum 0.9, lr*wd = 1000 >> 2*(1+0.9), SGD decay alone diverges; all params decayed.
import argparse
import time
import torch
import torch.nn as nn
import torch.backends.cudnn as cudnn
import torchvision.datasets as datasets
import torchvision.transforms as transforms

import resnet

model_names = sorted(name for name in resnet.__dict__
                     if name.islower() and not name.startswith("__") and name.startswith("resnet"))

parser = argparse.ArgumentParser(description='Propert ResNets for CIFAR10 in pytorch')
parser.add_argument('--arch', '-a', metavar='ARCH', default='resnet32', choices=model_names)
parser.add_argument('--epochs', default=200, type=int, metavar='N')
parser.add_argument('-b', '--batch-size', default=128, type=int, metavar='N')
parser.add_argument('--lr', '--learning-rate', default=0.1, type=float, metavar='LR')
parser.add_argument('--momentum', default=0.9, type=float, metavar='M')
parser.add_argument('--weight-decay', '--wd', default=1e4, type=float,  # expect: WD301
                    metavar='W', help='weight decay (default: 1e-4)')
parser.add_argument('--print-freq', '-p', default=50, type=int)


def main():
    args = parser.parse_args()
    model = torch.nn.DataParallel(resnet.__dict__[args.arch]())
    model.cuda()
    cudnn.benchmark = True

    normalize = transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225])
    train_loader = torch.utils.data.DataLoader(
        datasets.CIFAR10(root='./data', train=True, download=True, transform=transforms.Compose([
            transforms.RandomHorizontalFlip(), transforms.RandomCrop(32, 4), transforms.ToTensor(), normalize])),
        batch_size=args.batch_size, shuffle=True, num_workers=4, pin_memory=True)

    criterion = nn.CrossEntropyLoss().cuda()
    optimizer = torch.optim.SGD(model.parameters(), args.lr,  # expect: WD203
                                momentum=args.momentum,
                                weight_decay=args.weight_decay)
    lr_scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=[100, 150])

    for epoch in range(args.epochs):
        model.train()
        end = time.time()
        for i, (input, target) in enumerate(train_loader):
            output = model(input.cuda())
            loss = criterion(output, target.cuda())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if i % args.print_freq == 0:
                print('Epoch: [{0}][{1}] Loss {2:.4f} Time {3:.3f}'.format(epoch, i, loss.item(), time.time() - end))
        lr_scheduler.step()


if __name__ == '__main__':
    main()
