# Idiom seen in: KaiyangZhou/pytorch-center-loss main.py
# Idiom seen in: KaiyangZhou/pytorch-center-loss center_loss.py
# What it reproduces: the real main.py: SGD(model.parameters(), weight_decay=5e-04) for the network (conv
#   and linear biases and the PReLU slopes decay too) beside a plain SGD for the centers; the total loss is
#   cross entropy + weight_cent * center loss, and the center gradients are rescaled before their step.
import argparse
import os
import sys

import numpy as np
import torch
import torch.nn as nn
from torch.optim import lr_scheduler
import torch.backends.cudnn as cudnn

import datasets
import models
from center_loss import CenterLoss
from utils import AverageMeter, Logger

parser = argparse.ArgumentParser("Center Loss Example")
parser.add_argument('-d', '--dataset', type=str, default='mnist', choices=['mnist'])
parser.add_argument('-j', '--workers', default=4, type=int)
parser.add_argument('--batch-size', type=int, default=128)
parser.add_argument('--lr-model', type=float, default=0.001, help="learning rate for model")
parser.add_argument('--lr-cent', type=float, default=0.5, help="learning rate for center loss")
parser.add_argument('--weight-cent', type=float, default=1, help="weight for center loss")
parser.add_argument('--max-epoch', type=int, default=100)
parser.add_argument('--stepsize', type=int, default=20)
parser.add_argument('--gamma', type=float, default=0.5, help="learning rate decay")
parser.add_argument('--model', type=str, default='cnn')
parser.add_argument('--seed', type=int, default=1)
parser.add_argument('--use-cpu', action='store_true')
parser.add_argument('--save-dir', type=str, default='log')
args = parser.parse_args()


def train(model, criterion_xent, criterion_cent, optimizer_model, optimizer_centloss, trainloader, use_gpu, num_classes):
    model.train()
    losses = AverageMeter()
    for batch_idx, (data, labels) in enumerate(trainloader):
        if use_gpu:
            data, labels = data.cuda(), labels.cuda()
        features, outputs = model(data)
        loss_xent = criterion_xent(outputs, labels)
        loss_cent = criterion_cent(features, labels)
        loss_cent *= args.weight_cent
        loss = loss_xent + loss_cent
        optimizer_model.zero_grad()
        optimizer_centloss.zero_grad()
        loss.backward()
        optimizer_model.step()
        # by doing so, weight_cent would not impact on the learning of centers
        for param in criterion_cent.parameters():
            param.grad.data *= (1. / args.weight_cent)
        optimizer_centloss.step()
        losses.update(loss.item(), labels.size(0))


def main():
    torch.manual_seed(args.seed)
    use_gpu = torch.cuda.is_available() and not args.use_cpu
    sys.stdout = Logger(os.path.join(args.save_dir, 'log_' + args.dataset + '.txt'))
    if use_gpu:
        cudnn.benchmark = True

    dataset = datasets.create(name=args.dataset, batch_size=args.batch_size, use_gpu=use_gpu,
                              num_workers=args.workers)
    trainloader = dataset.trainloader

    model = models.create(name=args.model, num_classes=dataset.num_classes)
    if use_gpu:
        model = nn.DataParallel(model).cuda()

    criterion_xent = nn.CrossEntropyLoss()
    criterion_cent = CenterLoss(num_classes=dataset.num_classes, feat_dim=2, use_gpu=use_gpu)
    optimizer_model = torch.optim.SGD(model.parameters(), lr=args.lr_model, weight_decay=5e-04, momentum=0.9)  # expect: WD203
    optimizer_centloss = torch.optim.SGD(criterion_cent.parameters(), lr=args.lr_cent)

    scheduler = lr_scheduler.StepLR(optimizer_model, step_size=args.stepsize, gamma=args.gamma)
    for epoch in range(args.max_epoch):
        train(model, criterion_xent, criterion_cent, optimizer_model, optimizer_centloss,
              trainloader, use_gpu, dataset.num_classes)
        scheduler.step()


if __name__ == '__main__':
    main()
