# Idiom seen in: bearpaw/pytorch-classification cifar.py (main/train with AverageMeter, argparse)
# What it reproduces: the optimizer's weight_decay was replaced by an explicit L2 on conv/linear weights
# (--l2), but the term is added to `loss` after loss.backward()/optimizer.step(), so it only changes the
# number that is logged: the penalty never reaches a backpropagated loss (WD104).
from __future__ import print_function

import argparse
import os
import time

import torch
import torch.nn as nn
import torch.optim as optim
import torch.backends.cudnn as cudnn

import models.cifar as models  # model zoo, not in this folder
from utils import AverageMeter, Logger, accuracy, get_loaders  # not in this folder

parser = argparse.ArgumentParser(description="PyTorch CIFAR10/100 Training")
parser.add_argument("-d", "--dataset", default="cifar10", type=str)
parser.add_argument("--epochs", default=164, type=int, metavar="N")
parser.add_argument("--train-batch", default=128, type=int, metavar="N")
parser.add_argument("--lr", "--learning-rate", default=0.1, type=float, metavar="LR")
parser.add_argument("--momentum", default=0.9, type=float, metavar="M")
parser.add_argument("--l2", default=5e-4, type=float, help="explicit L2 on conv/linear weights (no BN, no bias)")
parser.add_argument("--schedule", type=int, nargs="+", default=[81, 122])
parser.add_argument("--gamma", type=float, default=0.1)
parser.add_argument("--arch", "-a", metavar="ARCH", default="resnet")
parser.add_argument("--depth", type=int, default=110)
parser.add_argument("-c", "--checkpoint", default="checkpoint", type=str)
args = parser.parse_args()
state = {k: v for k, v in args._get_kwargs()}


def weight_l2(model):
    return sum(m.weight.pow(2).sum() for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear)))


def train(trainloader, model, criterion, optimizer, epoch):
    model.train()
    losses, top1 = AverageMeter(), AverageMeter()
    end = time.time()
    for batch_idx, (inputs, targets) in enumerate(trainloader):
        inputs, targets = inputs.cuda(), targets.cuda(non_blocking=True)
        outputs = model(inputs)
        loss = criterion(outputs, targets)

        # compute gradient and do SGD step
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        # objective including the weight penalty
        loss = loss + args.l2 * weight_l2(model)  # expect: WD104

        prec1, _ = accuracy(outputs.data, targets.data, topk=(1, 5))
        losses.update(loss.item(), inputs.size(0))
        top1.update(prec1.item(), inputs.size(0))
    print("epoch {} | loss {:.4f} | top1 {:.2f} | {:.1f}s".format(epoch, losses.avg, top1.avg, time.time() - end))
    return losses.avg, top1.avg


def adjust_learning_rate(optimizer, epoch):
    if epoch in args.schedule:
        state["lr"] *= args.gamma
        for param_group in optimizer.param_groups:
            param_group["lr"] = state["lr"]


def main():
    trainloader, testloader, num_classes = get_loaders(args.dataset, args.train_batch)
    model = models.__dict__[args.arch](num_classes=num_classes, depth=args.depth)
    model = torch.nn.DataParallel(model).cuda()
    cudnn.benchmark = True
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum)

    logger = Logger(os.path.join(args.checkpoint, "log.txt"), title="cifar-" + args.arch)
    logger.set_names(["Learning Rate", "Train Loss", "Train Acc."])
    for epoch in range(args.epochs):
        adjust_learning_rate(optimizer, epoch)
        train_loss, train_acc = train(trainloader, model, criterion, optimizer, epoch)
        logger.append([state["lr"], train_loss, train_acc])
        torch.save({"epoch": epoch + 1, "state_dict": model.state_dict(), "optimizer": optimizer.state_dict()},
                   os.path.join(args.checkpoint, "checkpoint.pth.tar"))
    logger.close()


if __name__ == "__main__":
    main()
