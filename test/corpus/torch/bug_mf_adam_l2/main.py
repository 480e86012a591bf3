# Idiom seen in: Hesse73/MF-Pytorch main.py
# What it reproduces: matrix factorisation trained with torch.optim.Adam(weight_decay=args.l2) for the
# rating model and again for the exposure (propensity) model: coupled L2 under Adam on both optimizers.
import argparse
import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

import loadData
import utils


class MFModel(nn.Module):
    def __init__(self, num_user, num_item, num_factor, mean=0.0):
        super(MFModel, self).__init__()
        self.user_emb = nn.Embedding(num_user, num_factor)
        self.item_emb = nn.Embedding(num_item, num_factor)
        self.mean = float(mean)

    def initial_args(self):
        nn.init.normal_(self.user_emb.weight, std=0.01)
        nn.init.normal_(self.item_emb.weight, std=0.01)

    def forward(self, users, items):
        return (self.user_emb(users) * self.item_emb(items)).sum(-1) + self.mean


def fit(model, optim, loader, criterion, iters):
    for epoch in range(iters):
        total = 0.0
        for users, items, ratings in loader:
            l = criterion(model(users, items), ratings.float())
            optim.zero_grad()
            l.backward()
            optim.step()
            total += l.item() * len(users)
        print("Train Iter %d, rmse %.6f" % (epoch + 1, (total / len(loader.dataset)) ** 0.5))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default="coat")
    parser.add_argument("--num", default=50, type=int)
    parser.add_argument("--iter", default=30, type=int)
    parser.add_argument("--batch", default=1024, type=int)
    parser.add_argument("--lr", default=1e-3, type=float)
    parser.add_argument("--l2", default=1e-4, type=float)  # L2 regularization
    args = parser.parse_args()

    data = loadData.load_coat(binary=False)
    num_user, num_item = np.amax(data[:, 0]) + 1, np.amax(data[:, 1]) + 1
    train_loader = DataLoader(utils.MFDataset(data), batch_size=args.batch, shuffle=True)

    model = MFModel(num_user, num_item, args.num, np.mean(data[:, 2]))
    model.initial_args()
    optim = torch.optim.Adam(
        model.parameters(), lr=args.lr,
        weight_decay=args.l2)  # expect: WD202
    fit(model, optim, train_loader, nn.MSELoss(), args.iter)

    # exposure model: was the item rated at all
    expo_loader = DataLoader(utils.ExposureDataset(data, num_user, num_item), batch_size=args.batch, shuffle=True)
    expo_model = MFModel(num_user, num_item, args.num)
    expo_model.initial_args()
    expo_optim = torch.optim.Adam(expo_model.parameters(), lr=args.lr,
                                  weight_decay=args.l2)  # expect: WD202
    fit(expo_model, expo_optim, expo_loader, nn.BCEWithLogitsLoss(), args.iter)
    torch.save(model.state_dict(), "model/MFmodel-ep%d.ckp" % args.iter)
