# Idiom seen in: facebookresearch/mixup-cifar10 train.py
# What it reproduces: mixup training where SGD decays only the >1-d weights (biases and BN in a group with
# weight_decay 0); |W|^2 is computed under torch.no_grad() only to be logged: clean.
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
parser.add_argument('--alpha', default=1., type=float)
parser.add_argument('--decay', default=1e-4, type=float, help='weight decay')
args = parser.parse_args()

trainset = torchvision.datasets.CIFAR10(root='~/data', train=True, download=False, transform=transforms.Compose([
    transforms.RandomCrop(32, padding=4), transforms.RandomHorizontalFlip(), transforms.ToTensor()]))
trainloader = torch.utils.data.DataLoader(trainset, batch_size=args.batch_size, shuffle=True, num_workers=8)

net = models.__dict__[args.model]().cuda()
criterion = nn.CrossEntropyLoss()

decay, no_decay = [], []
for name, p in net.named_parameters():
    if p.ndim <= 1 or name.endswith('.bias'):
        no_decay.append(p)
    else:
        decay.append(p)
optimizer = optim.SGD([{'params': decay, 'weight_decay': args.decay},
                       {'params': no_decay, 'weight_decay': 0.0}],
                      lr=args.lr, momentum=0.9)


def mixup_data(x, y, alpha=1.0):
    lam = np.random.beta(alpha, alpha) if alpha > 0 else 1
    index = torch.randperm(x.size()[0]).cuda()
    return lam * x + (1 - lam) * x[index, :], y, y[index], lam


def train(epoch):
    net.train()
    train_loss = 0
    for batch_idx, (inputs, targets) in enumerate(trainloader):
        inputs, targets = inputs.cuda(), targets.cuda()
        inputs, targets_a, targets_b, lam = mixup_data(inputs, targets, args.alpha)
        outputs = net(inputs)
        loss = lam * criterion(outputs, targets_a) + (1 - lam) * criterion(outputs, targets_b)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        train_loss += loss.item()
    with torch.no_grad():
        w_norm = sum(p.pow(2).sum() for p in decay)
    print('epoch %d loss %.3f |W|^2 %.2f' % (epoch, train_loss / (batch_idx + 1), w_norm.item()))


for epoch in range(args.epoch):
    train(epoch)
