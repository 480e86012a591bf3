# Idiom seen in: MAmin-Milantash/CV-DeepLearning-Library 03_Regularization/l1_l2_torch.py; kuangliu/pytorch-cifar main.py
# What it reproduces: the L2 penalty is added to `loss` only after `loss.backward()` (the rebound `loss` is used for
# logging), so the gradient never contains the penalty and the weights are not decayed.
# label-note: the term does reach a variable named `loss`, but not the one backward() differentiates; the rule docs
# define WD104 as "a decay term computed and thrown away: it never reaches ... a loss", which is what happens here.
import argparse

import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader

from dataset import SpectraDataset


class Net(nn.Module):
    def __init__(self, in_dim=512, n_classes=5):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(in_dim, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU())
        self.head = nn.Linear(128, n_classes)

    def forward(self, x):
        return self.head(self.body(x))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_dir', default='data/spectra')
    parser.add_argument('--lr', type=float, default=0.01)
    parser.add_argument('--l2', type=float, default=1e-4)
    parser.add_argument('--epochs', type=int, default=30)
    args = parser.parse_args()

    loader = DataLoader(SpectraDataset(args.data_dir, split='train'), batch_size=64, shuffle=True)
    model = Net()
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)

    for epoch in range(args.epochs):
        total = 0.0
        for x, y in loader:
            optimizer.zero_grad()
            out = model(x)
            loss = criterion(out, y)
            loss.backward()
            l2_reg = args.l2 * sum(p.pow(2).sum() for p in model.parameters())  # expect: WD104
            loss = loss + l2_reg
            optimizer.step()
            total += loss.item()
        print('epoch {}: {:.4f}'.format(epoch, total / len(loader)))


if __name__ == '__main__':
    main()
