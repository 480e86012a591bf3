# Idiom seen in: weiaicunzai/Bag_of_Tricks_for_Image_Classification_with_Convolutional_Neural_Networks utils.py, train.py
# What it reproduces: "no bias decay" as a module walk: split_weights(net) decays only Conv2d/Linear .weight,
# puts biases and BatchNorm weight/bias in a weight_decay=0 group; SGD(nesterov, weight_decay) gets both.
# label-note: clean. Only Conv2d/Linear kernels are decayed; lr*wd = 0.1 * 1e-4; no explicit penalty.
import argparse

import torch
import torch.nn as nn
import torch.optim as optim

from dataset import get_train_loader
from lr_scheduler import WarmUpLR


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride=1):
        super().__init__()
        self.residual = nn.Sequential(
            nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(True),
            nn.Conv2d(cout, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout))
        self.shortcut = nn.Sequential()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride=stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        return torch.relu(self.residual(x) + self.shortcut(x))


class ResNet(nn.Module):
    def __init__(self, num_classes=100):
        super().__init__()
        self.conv1 = nn.Sequential(nn.Conv2d(3, 64, 3, padding=1, bias=False), nn.BatchNorm2d(64), nn.ReLU(True))
        self.layers = nn.Sequential(BasicBlock(64, 64), BasicBlock(64, 128, 2), BasicBlock(128, 256, 2))
        self.fc = nn.Linear(256, num_classes)

    def forward(self, x):
        return self.fc(torch.flatten(nn.functional.adaptive_avg_pool2d(self.layers(self.conv1(x)), 1), 1))


def split_weights(net):
    decay = []
    no_decay = []
    for m in net.modules():
        if isinstance(m, nn.Conv2d) or isinstance(m, nn.Linear):
            decay.append(m.weight)
            if m.bias is not None:
                no_decay.append(m.bias)
        else:
            if hasattr(m, 'weight'):
                no_decay.append(m.weight)
            if hasattr(m, 'bias'):
                no_decay.append(m.bias)
    assert len(list(net.parameters())) == len(decay) + len(no_decay)
    return [dict(params=decay), dict(params=no_decay, weight_decay=0)]


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('-b', type=int, default=256)
    parser.add_argument('-lr', type=float, default=0.1)
    parser.add_argument('-e', type=int, default=200)
    parser.add_argument('-warm', type=int, default=5)
    parser.add_argument('-weight_decay', type=float, default=1e-4)
    args = parser.parse_args()

    net = ResNet().cuda()
    train_loader = get_train_loader(args.b)
    params = split_weights(net)  # apply no weight decay on bias
    optimizer = optim.SGD(params, lr=args.lr, momentum=0.9, nesterov=True, weight_decay=args.weight_decay)
    train_scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, args.e - args.warm)
    warmup_scheduler = WarmUpLR(optimizer, len(train_loader) * args.warm)

    for epoch in range(1, args.e + 1):
        net.train()
        for images, labels in train_loader:
            if epoch <= args.warm:
                warmup_scheduler.step()
            images, labels = images.cuda(), labels.cuda()
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(net(images), labels)
            loss.backward()
            optimizer.step()
        if epoch > args.warm:
            train_scheduler.step()
