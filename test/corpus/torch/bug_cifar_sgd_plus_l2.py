# Idiom seen in: facexteam/pytorch-cifar train_large_margin_zyf.py
# What it reproduces: kuangliu-style CIFAR script; the user ports a TF habit and adds wd * sum(w^2) over
# all parameters to the loss while SGD already has weight_decay=args.wd: double decay (and decay on BN/biases).
import argparse

import torch
import torch.nn as nn
import torch.optim as optim
import torch.backends.cudnn as cudnn

from models import ResNet20_cifar10
from utils import progress_bar, get_cifar_loaders

parser = argparse.ArgumentParser(description='PyTorch CIFAR10 Training')
parser.add_argument('--lr', default=0.1, type=float, help='learning rate')
parser.add_argument('--mom', type=float, default=0.9)
parser.add_argument('--wd', type=float, default=5e-4)
parser.add_argument('--num-epochs', type=int, default=200)
args = parser.parse_args()

device = 'cuda' if torch.cuda.is_available() else 'cpu'
trainloader, testloader = get_cifar_loaders('./data', batch_size=128)

net = ResNet20_cifar10().to(device)
if device == 'cuda':
    net = torch.nn.DataParallel(net)
    cudnn.benchmark = True

criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=args.lr, momentum=args.mom, weight_decay=args.wd)  # expect: WD203
scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.num_epochs)


def train(epoch):
    net.train()
    train_loss, correct, total = 0, 0, 0
    for batch_idx, (inputs, targets) in enumerate(trainloader):
        inputs, targets = inputs.to(device), targets.to(device)
        optimizer.zero_grad()
        outputs = net(inputs)
        l2_loss = sum(p.pow(2).sum() for p in net.parameters())  # expect: WD201
        loss = criterion(outputs, targets) + args.wd / 2 * l2_loss
        loss.backward()
        optimizer.step()
        train_loss += loss.item()
        _, predicted = outputs.max(1)
        total += targets.size(0)
        correct += predicted.eq(targets).sum().item()
        progress_bar(batch_idx, len(trainloader), 'Loss: %.3f | Acc: %.3f%%'
                     % (train_loss / (batch_idx + 1), 100. * correct / total))


for epoch in range(args.num_epochs):
    train(epoch)
    scheduler.step()
