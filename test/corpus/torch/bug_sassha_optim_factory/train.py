# Idiom seen in: LOG-postech/Sassha image_classification/train.py
# Idiom seen in: LOG-postech/Sassha optimizers/__init__.py
# What it reproduces: the imagenet-example style training script; --wd defaults to 1e-4 and the
#   optimizer comes from get_optimizer(model, args) in optimizers.py (which decays biases/BN too).
import argparse

import torch
import torch.nn as nn
import torchvision.models as models
import torch.optim.lr_scheduler as lr_scheduler

from utils import getData, AverageMeter
from optimizers import get_optimizer

parser = argparse.ArgumentParser(description='PyTorch CIFAR/ImageNet Training')
parser.add_argument('--dataset', type=str, default='cifar10')
parser.add_argument('path', metavar='DIR', nargs='?', default='./data')
parser.add_argument('-a', '--arch', default='resnet18')
parser.add_argument('--epochs', default=160, type=int)
parser.add_argument('-b', '--batch-size', default=256, type=int)
parser.add_argument('--lr', '--learning-rate', default=0.1, type=float, dest='lr')
parser.add_argument('--wd', '--weight-decay', default=1e-4, type=float, dest='weight_decay')
parser.add_argument('--betas', type=float, nargs='*', default=[0.9, 0.999])
parser.add_argument('--optimizer', type=str, default='sgd')
parser.add_argument('--lr-decay-epoch', type=int, nargs='+', default=[80, 120])


def main():
    args = parser.parse_args()
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = models.__dict__[args.arch](num_classes=10).to(device)
    train_loader, val_loader, _, _ = getData(name=args.dataset, path=args.path,
                                             train_bs=args.batch_size, test_bs=args.batch_size)
    criterion = nn.CrossEntropyLoss().to(device)
    optimizer, create_graph, two_steps = get_optimizer(model, args)
    scheduler = lr_scheduler.MultiStepLR(optimizer, args.lr_decay_epoch, gamma=0.1)

    for epoch in range(args.epochs):
        model.train()
        losses = AverageMeter('Loss', ':.4e')
        for images, target in train_loader:
            images, target = images.to(device), target.to(device)
            output = model(images)
            loss = criterion(output, target)
            optimizer.zero_grad()
            loss.backward(create_graph=create_graph)
            optimizer.step()
            losses.update(loss.item(), images.size(0))
        scheduler.step()
        print('epoch {} loss {:.4f}'.format(epoch, losses.avg))


if __name__ == '__main__':
    main()
