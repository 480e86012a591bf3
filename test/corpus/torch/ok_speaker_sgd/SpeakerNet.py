# Idiom seen in: gianlucapagliara/Benchmark-Analysis-of-Speaker-Recognition-Techniques graphs/optimizers/adam.py
# What it reproduces: clean twin of the voxceleb_trainer-style optimizer module: SGD with momentum and
#   weight_decay only on a decay group; 1-d params (biases, BatchNorm) go to a weight_decay=0 group.

import argparse

import torch.nn as nn
import torch.nn.functional as F

from DatasetLoader import get_data_loader
from sgd import Optimizer


class ResNetSE(nn.Module):
    def __init__(self, nOut=512, nClasses=5994):
        super(ResNetSE, self).__init__()
        self.conv1 = nn.Conv2d(1, 32, kernel_size=3, padding=1)
        self.bn1 = nn.BatchNorm2d(32)
        self.fc = nn.Linear(32 * 40, nOut)
        self.head = nn.Linear(nOut, nClasses)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x.unsqueeze(1))))
        return self.head(self.fc(x.mean(dim=-1).flatten(1)))


class SpeakerNet(nn.Module):
    def __init__(self, nOut, nClasses, **kwargs):
        super(SpeakerNet, self).__init__()
        self.__model__ = ResNetSE(nOut, nClasses)
        self.__optimizer__ = Optimizer(self.__model__, **kwargs)

    def train_network(self, loader):
        self.train()
        total = 0.0
        for data, label in loader:
            self.zero_grad()
            nloss = F.cross_entropy(self.__model__(data.cuda()), label.cuda())
            nloss.backward()
            self.__optimizer__.step()
            total += nloss.item()
        return total


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description="SpeakerNet")
    parser.add_argument('--lr', type=float, default=0.1)
    parser.add_argument('--weight_decay', type=float, default=5e-4)
    parser.add_argument('--nOut', type=int, default=512)
    parser.add_argument('--nClasses', type=int, default=5994)
    parser.add_argument('--train_list', type=str, default='data/train_list.txt')
    args = parser.parse_args()
    s = SpeakerNet(**vars(args)).cuda()
    loader = get_data_loader(args.train_list, batch_size=200)
    for epoch in range(100):
        print(epoch, s.train_network(loader))
