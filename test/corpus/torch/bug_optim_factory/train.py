# Idiom seen in: HuipengHuang/regression_conditional_tuning_bias trainers/utils.py; c7w/sast2022-pytorch-training main.py
# What it reproduces: the entry point: argparse defaults (`--weight_decay` 1e-4, `--optimizer` sgd), the model from
# the models package, the optimizer from the factory in optim.py, data from a dataset module the repo keeps elsewhere.
import argparse

import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from dataset import TabularDataset
from models import build_model
from optim import get_optimizer


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", type=str, default="data/train.csv")
    parser.add_argument("--in_features", type=int, default=32)
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--num_outputs", type=int, default=1)
    parser.add_argument("--depth", type=int, default=4)
    parser.add_argument("--optimizer", type=str, default="sgd", choices=["sgd", "adam"])
    parser.add_argument("--learning_rate", type=float, default=1e-2)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--weight_decay", type=float, default=1e-4, help="Weight decay regularization for model.")
    parser.add_argument("--epochs", type=int, default=50)
    return parser.parse_args()


def main():
    args = parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    loader = DataLoader(TabularDataset(args.csv), batch_size=256, shuffle=True)
    net = build_model(args).to(device)
    optimizer = get_optimizer(args, net)
    criterion = nn.MSELoss()
    for epoch in range(args.epochs):
        net.train()
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = criterion(net(x), y)
            loss.backward()
            optimizer.step()
        print(f"epoch {epoch}: mse {loss.item():.5f}")


if __name__ == "__main__":
    main()
