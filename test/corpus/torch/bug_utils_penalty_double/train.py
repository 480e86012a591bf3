# Idiom seen in: kuangliu/pytorch-cifar main.py; MAmin-Milantash/CV-DeepLearning-Library 03_Regularization/l1_l2_torch.py
# What it reproduces: a yaml-like config dict with 'weight_decay': 5e-4 for the optimizer factory, and in the loop
# `loss = criterion(out, y)` rebound to `loss = loss + args.l2 * l2_penalty(model)` from utils.
import argparse

import torch
import torch.nn as nn

from data import build_loaders
from models import SimpleCNN
from optim import build_optimizer
from utils import AverageMeter, accuracy, l2_penalty

CFG = {
    "optimizer": {"lr": 0.1, "momentum": 0.9, "weight_decay": 5e-4},
    "epochs": 100,
    "batch_size": 128,
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--l2", type=float, default=1e-4, help="explicit L2 penalty coefficient")
    args = parser.parse_args()

    device = "cuda" if torch.cuda.is_available() else "cpu"
    train_loader, val_loader = build_loaders(CFG["batch_size"])
    model = SimpleCNN()
    model = model.to(device)
    optimizer = build_optimizer(CFG["optimizer"], model)
    criterion = nn.CrossEntropyLoss()

    for epoch in range(CFG["epochs"]):
        model.train()
        losses, top1 = AverageMeter(), AverageMeter()
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            out = model(x)
            loss = criterion(out, y)
            loss = loss + args.l2 * l2_penalty(model)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.update(loss.item(), x.size(0))
            top1.update(accuracy(out, y), x.size(0))
        print(f"epoch {epoch}: loss {losses.avg:.4f} acc {top1.avg:.2f}")


if __name__ == "__main__":
    main()
