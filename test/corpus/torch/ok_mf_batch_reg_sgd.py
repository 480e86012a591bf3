# Idiom seen in: Hesse73/MF-Pytorch main.py
# Idiom seen in: Hesse73/MF-Pytorch MFmodel.py
# What it reproduces: matrix factorisation with the L2 written on the embedding rows of each batch
# (args.l2 * (|u|^2 + |i|^2)) and plain SGD without weight_decay: one positive decay, clean.
import argparse
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

import loadData
import utils


class MFModel(nn.Module):
    def __init__(self, num_user, num_item, num_factor):
        super(MFModel, self).__init__()
        self.P = nn.Embedding(num_user, num_factor)
        self.Q = nn.Embedding(num_item, num_factor)
        nn.init.normal_(self.P.weight, std=0.1)
        nn.init.normal_(self.Q.weight, std=0.1)

    def forward(self, users, items):
        u = self.P(users)
        i = self.Q(items)
        return (u * i).sum(-1), u, i


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default="yahoo")
    parser.add_argument("--num", default=50, type=int)
    parser.add_argument("--iter", default=30, type=int)
    parser.add_argument("--batch", default=1024, type=int)
    parser.add_argument("--lr", default=0.05, type=float)
    parser.add_argument("--l2", default=1e-4, type=float)  # L2 regularization
    args = parser.parse_args()

    data = loadData.load_yahoo(binary=False)
    num_user, num_item = np.amax(data[:, 0]) + 1, np.amax(data[:, 1]) + 1
    train_loader = DataLoader(utils.MFDataset(data), batch_size=args.batch, shuffle=True)

    model = MFModel(num_user, num_item, args.num)
    criterion = nn.MSELoss()
    optim = torch.optim.SGD(model.parameters(), lr=args.lr)
    for epoch in range(args.iter):
        total = 0.0
        for users, items, ratings in train_loader:
            preds, u, i = model(users, items)
            reg = args.l2 * (u.norm(2).pow(2) + i.norm(2).pow(2)) / len(users)
            l = criterion(preds, ratings.float()) + reg
            optim.zero_grad()
            l.backward()
            optim.step()
            total += l.item() * len(users)
        print("Train Iter %d, loss %.6f" % (epoch + 1, total / len(train_loader.dataset)))
