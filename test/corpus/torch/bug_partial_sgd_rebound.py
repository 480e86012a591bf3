# Idiom seen in: moskomule/homura homura/optim.py
# What it reproduces: the optimizer is configured as `functools.partial(torch.optim.SGD, ...)` in main() and
# the name is rebound when the parameters are known (`optimizer = optimizer(model.parameters())`): one decayed
# group that includes the BatchNorm and bias parameters.
import argparse
from functools import partial

import torch
import torch.nn as nn
import torch.nn.functional as F

from cifar_input import get_dataloaders


def conv_bn(cin, cout, stride=1):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class WideNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.layers = nn.Sequential(conv_bn(3, 64), conv_bn(64, 128, 2), conv_bn(128, 256, 2))
        self.fc = nn.Linear(256, num_classes)

    def forward(self, x):
        x = F.adaptive_avg_pool2d(self.layers(x), 1).flatten(1)
        return self.fc(x)


def train_epoch(model, optimizer, loader, device):
    model.train()
    for input, target in loader:
        input, target = input.to(device), target.to(device)
        loss = F.cross_entropy(model(input), target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss.item()


def main(args):
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    train_loader, test_loader = get_dataloaders(args.batch_size)
    optimizer = partial(torch.optim.SGD, lr=args.lr, momentum=0.9, weight_decay=args.weight_decay, nesterov=True)
    model = WideNet()
    model = model.to(device)
    optimizer = optimizer(model.parameters())  # expect: WD203
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, [100, 150], gamma=0.1)
    for epoch in range(args.epochs):
        loss = train_epoch(model, optimizer, train_loader, device)
        scheduler.step()
        print(f"epoch {epoch}: {loss:.4f}")


if __name__ == '__main__':
    p = argparse.ArgumentParser()
    p.add_argument('--batch_size', type=int, default=128)
    p.add_argument('--epochs', type=int, default=200)
    p.add_argument('--lr', type=float, default=0.1)
    p.add_argument('--weight_decay', type=float, default=5e-4)
    main(p.parse_args())
