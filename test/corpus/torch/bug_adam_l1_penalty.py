# Idiom seen in: MAmin-Milantash/CV-DeepLearning-Library 03_Regularization/l1_l2_torch.py
# What it reproduces: "L2 via weight_decay, L1 by hand": Adam(weight_decay=1e-4) on all parameters plus an L1
# penalty added to the loss. The L1 term is not a second L2 decay (no WD201); the Adam decay is coupled and hits biases.
import argparse

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader, TensorDataset


class Regressor(nn.Module):
    def __init__(self, in_features, hidden=64):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--features', default='data/X_train.npy')
    parser.add_argument('--targets', default='data/y_train.npy')
    parser.add_argument('--epochs', type=int, default=100)
    parser.add_argument('--l1_lambda', type=float, default=1e-5)
    args = parser.parse_args()

    X = torch.from_numpy(np.load(args.features)).float()
    y = torch.from_numpy(np.load(args.targets)).float().view(-1, 1)
    loader = DataLoader(TensorDataset(X, y), batch_size=64, shuffle=True)

    model = Regressor(X.shape[1])
    # L2 regularization via weight_decay
    optimizer = optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)  # expect: WD202, WD203
    criterion = nn.MSELoss()

    for epoch in range(args.epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            y_pred = model(xb)
            loss = criterion(y_pred, yb)
            # L1 manual regularization
            l1_norm = sum(p.abs().sum() for p in model.parameters())
            loss = loss + args.l1_lambda * l1_norm
            loss.backward()
            optimizer.step()
        if epoch % 10 == 0:
            print(f'epoch {epoch}: loss {loss.item():.4f}')


if __name__ == '__main__':
    main()
