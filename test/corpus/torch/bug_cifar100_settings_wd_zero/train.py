# Idiom seen in: weiaicunzai/pytorch-cifar100 train.py
# Idiom seen in: weiaicunzai/pytorch-cifar100 conf/global_settings.py
# What it reproduces: realistic user change to the repo's train.py: the hard-coded weight_decay=5e-4 is
#   replaced by a guard on settings.WEIGHT_DECAY, which is 0.0, so the decay branch (no-bias-decay groups
#   included) never runs and the network trains without weight decay.
import argparse
import time

import torch
import torch.nn as nn
import torch.optim as optim

from conf import settings
from utils import get_network, split_weights, WarmUpLR
from dataset import get_training_dataloader


def train(epoch):
    net.train()
    for batch_index, (images, labels) in enumerate(cifar100_training_loader):
        if args.gpu:
            labels = labels.cuda()
            images = images.cuda()
        optimizer.zero_grad()
        outputs = net(images)
        loss = loss_function(outputs, labels)
        loss.backward()
        optimizer.step()
        if epoch <= args.warm:
            warmup_scheduler.step()


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('-net', type=str, required=True, help='net type')
    parser.add_argument('-gpu', action='store_true', default=False, help='use gpu or not')
    parser.add_argument('-b', type=int, default=128, help='batch size for dataloader')
    parser.add_argument('-warm', type=int, default=1, help='warm up training phase')
    parser.add_argument('-lr', type=float, default=0.1, help='initial learning rate')
    args = parser.parse_args()

    net = get_network(args)
    cifar100_training_loader = get_training_dataloader(
        settings.CIFAR100_TRAIN_MEAN, settings.CIFAR100_TRAIN_STD,
        num_workers=4, batch_size=args.b, shuffle=True)

    loss_function = nn.CrossEntropyLoss()
    if settings.WEIGHT_DECAY > 0:  # expect: WD303
        if settings.NO_BIAS_DECAY:
            params = split_weights(net, settings.WEIGHT_DECAY)
        else:
            params = net.parameters()
        optimizer = optim.SGD(params, lr=args.lr, momentum=0.9, weight_decay=settings.WEIGHT_DECAY)
    else:
        optimizer = optim.SGD(net.parameters(), lr=args.lr, momentum=0.9)
    train_scheduler = optim.lr_scheduler.MultiStepLR(optimizer, milestones=settings.MILESTONES, gamma=0.2)
    iter_per_epoch = len(cifar100_training_loader)
    warmup_scheduler = WarmUpLR(optimizer, iter_per_epoch * args.warm)

    for epoch in range(1, settings.EPOCH + 1):
        if epoch > args.warm:
            train_scheduler.step(epoch)
        start = time.time()
        train(epoch)
        print('epoch {} training time consumed: {:.2f}s'.format(epoch, time.time() - start))
