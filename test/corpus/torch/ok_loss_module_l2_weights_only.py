# Idiom seen in: LIU1514/pytorch-template utils/losses.py
# What it reproduces: an L2 penalty living inside a custom loss module that receives the model,
#   summing p*p over every parameter whose name is not a bias; plain SGD without weight_decay.
# label-note: clean. The MLP has no normalization layers, so "bias not in name" leaves only the Linear
#   weights; the penalty reaches loss.backward(); the optimizer adds no decay of its own (no double decay).
import argparse

import torch
import torch.nn as nn

from tabular_data import make_loaders


class MyLoss(nn.Module):
    def __init__(self, lambd):
        super().__init__()
        self.lambd = lambd
        self.main_loss = nn.MSELoss()

    def l2_regularization(self, model):
        loss = 0
        for name, p in model.named_parameters():
            if "bias" not in name:
                loss = loss + torch.sum(p * p)
        return loss

    def forward(self, output_batch, target_batch, model):
        reg_loss = self.l2_regularization(model)
        main_loss = self.main_loss(output_batch, target_batch)
        return main_loss + self.lambd * reg_loss


class MLP(nn.Module):
    def __init__(self, n_in, hidden=(256, 128)):
        super().__init__()
        layers, d = [], n_in
        for h in hidden:
            layers += [nn.Linear(d, h), nn.ReLU()]
            d = h
        layers.append(nn.Linear(d, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)


def train(model, loader, criterion, optimizer, epoch):
    model.train()
    total = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        loss = criterion(model(x), y, model)
        loss.backward()
        optimizer.step()
        total += loss.item() * x.size(0)
    print(f"epoch {epoch}: loss {total / len(loader.dataset):.5f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", default="data/train.csv")
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--lambd", type=float, default=1e-4)
    parser.add_argument("--epochs", type=int, default=50)
    args = parser.parse_args()

    train_loader, n_features = make_loaders(args.csv, batch_size=64)
    model = MLP(n_features)
    criterion = MyLoss(args.lambd)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    for epoch in range(args.epochs):
        train(model, train_loader, criterion, optimizer, epoch)


if __name__ == "__main__":
    main()
