# Idiom seen in: kuangliu/pytorch-cifar main.py; c7w/sast2022-pytorch-training main.py
# What it reproduces: the entry point: argparse (`--weight_decay` 0.0, `--l2` 1e-4), loader from a data module not
# in the folder, and `loss = mse + regularization_loss(model, args.l2)` backpropagated.
import argparse

import torch
import torch.nn.functional as F

from data_loader import get_loaders
from models import TCN
from optim import make_optimizer
from utils import regularization_loss, save_checkpoint


def main():
    parser = argparse.ArgumentParser(description='TCN forecaster')
    parser.add_argument('--data', default='data/electricity.npz')
    parser.add_argument('--lr', type=float, default=1e-3)
    parser.add_argument('--weight_decay', type=float, default=0.0, help='optimizer L2 (keep 0: we use --l2)')
    parser.add_argument('--l2', type=float, default=1e-4)
    parser.add_argument('--epochs', type=int, default=40)
    args = parser.parse_args()

    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    train_loader, val_loader = get_loaders(args.data, batch_size=64)
    model = TCN().to(device)
    optimizer = make_optimizer(args, model)

    for epoch in range(args.epochs):
        model.train()
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            mse = F.mse_loss(model(x), y)
            loss = mse + regularization_loss(model, args.l2)
            loss.backward()
            optimizer.step()
        print('epoch {} mse {:.5f}'.format(epoch, mse.item()))
    save_checkpoint(model, 'tcn.pt')


if __name__ == '__main__':
    main()
