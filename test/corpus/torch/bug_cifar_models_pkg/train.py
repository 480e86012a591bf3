# Idiom seen in: kuangliu/pytorch-cifar main.py; pytorch/examples imagenet/main.py
# What it reproduces: `net = ResNet18()` from the models package, `net = net.to(device)`, DataParallel, and
# `optim.SGD(net.parameters(), ..., weight_decay=args.weight_decay)`: BatchNorm and the classifier bias are decayed.
'''Train CIFAR10 with PyTorch.'''
import argparse
import os

import torch
import torch.backends.cudnn as cudnn
import torch.nn as nn
import torch.optim as optim

from data import get_cifar10_loaders
from models import *

parser = argparse.ArgumentParser(description='PyTorch CIFAR10 Training')
parser.add_argument('--lr', default=0.1, type=float, help='learning rate')
parser.add_argument('--weight-decay', '--wd', default=5e-4, type=float, dest='weight_decay')
parser.add_argument('--resume', '-r', action='store_true', help='resume from checkpoint')
args = parser.parse_args()

device = 'cuda' if torch.cuda.is_available() else 'cpu'
best_acc = 0
trainloader, testloader = get_cifar10_loaders(batch_size=128)

print('==> Building model..')
net = ResNet18()
net = net.to(device)
if device == 'cuda':
    net = torch.nn.DataParallel(net)
    cudnn.benchmark = True

if args.resume:
    checkpoint = torch.load('./checkpoint/ckpt.pth')
    net.load_state_dict(checkpoint['net'])

criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=args.lr,  # expect: WD203
                      momentum=0.9, weight_decay=args.weight_decay)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=200)


def train(epoch):
    net.train()
    train_loss, correct, total = 0, 0, 0
    for batch_idx, (inputs, targets) in enumerate(trainloader):
        inputs, targets = inputs.to(device), targets.to(device)
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, targets)
        loss.backward()
        optimizer.step()
        train_loss += loss.item()
        correct += outputs.argmax(1).eq(targets).sum().item()
        total += targets.size(0)
    print('Epoch %d | Loss: %.3f | Acc: %.3f%%' % (epoch, train_loss / (batch_idx + 1), 100. * correct / total))


if __name__ == '__main__':
    for epoch in range(200):
        train(epoch)
        scheduler.step()
    os.makedirs('checkpoint', exist_ok=True)
    torch.save({'net': net.state_dict()}, './checkpoint/ckpt.pth')
