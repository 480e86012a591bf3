# Idiom seen in: facebookresearch/mixup-cifar10 train.py
# What it reproduces: mixup training with optim.SGD(net.parameters(), weight_decay=args.decay) that also
# adds an explicit squared-L2 penalty over net.parameters() to the mixup loss: double decay, biases/BN too.
import argparse
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
import torchvision
import torchvision.transforms as transforms

import models

parser = argparse.ArgumentParser(description='PyTorch CIFAR10 Training')
parser.add_argument('--lr', default=0.1, type=float, help='learning rate')
parser.add_argument('--model', default="ResNet18", type=str)
parser.add_argument('--batch-size', default=128, type=int)
parser.add_argument('--epoch', default=200, type=int)
parser.add_argument('--alpha', default=1., type=float, help='mixup interpolation coefficient')
parser.add_argument('--decay', default=1e-4, type=float, help='weight decay')
parser.add_argument('--reg', default=5e-5, type=float, help='explicit l2 coefficient')
args = parser.parse_args()

use_cuda = torch.cuda.is_available()
transform_train = transforms.Compose([transforms.RandomCrop(32, padding=4), transforms.RandomHorizontalFlip(),
                                      transforms.ToTensor()])
trainset = torchvision.datasets.CIFAR10(root='~/data', train=True, download=False, transform=transform_train)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=args.batch_size, shuffle=True, num_workers=8)

net = models.__dict__[args.model]()
if use_cuda:
    net.cuda()
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=args.lr, momentum=0.9,  # expect: WD203
                      weight_decay=args.decay)


def mixup_data(x, y, alpha=1.0):
    lam = np.random.beta(alpha, alpha) if alpha > 0 else 1
    index = torch.randperm(x.size()[0])
    mixed_x = lam * x + (1 - lam) * x[index, :]
    return mixed_x, y, y[index], lam


def mixup_criterion(criterion, pred, y_a, y_b, lam):
    return lam * criterion(pred, y_a) + (1 - lam) * criterion(pred, y_b)


def train(epoch):
    net.train()
    train_loss = 0
    for batch_idx, (inputs, targets) in enumerate(trainloader):
        if use_cuda:
            inputs, targets = inputs.cuda(), targets.cuda()
        inputs, targets_a, targets_b, lam = mixup_data(inputs, targets, args.alpha)
        outputs = net(inputs)
        l2 = sum(p.pow(2).sum() for p in net.parameters())  # expect: WD201
        loss = mixup_criterion(criterion, outputs, targets_a, targets_b, lam) + args.reg * l2
        train_loss += loss.item()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return train_loss / (batch_idx + 1)


for epoch in range(args.epoch):
    print('epoch %d loss %.3f' % (epoch, train(epoch)))
