# Idiom seen in: kaleichykhanna/cifar10 cifar10_classifier/scripts/train_model.py
# What it reproduces: clean twin of the extended train_loop: the explicit L2 term on the conv/linear weights
#   (p.ndim > 1) is added to the loss that is backpropagated, and the SGD optimizer has no weight_decay of its
#   own, so the weights are decayed exactly once.
import argparse

import torch
from torch import nn
from torch.utils.data import DataLoader

from cifar10_classifier.data import get_datasets
from cifar10_classifier.model import ConvNet


def train_loop(dataloader: DataLoader, model, loss_fn, optimizer, alpha, print_every=100):
    model.train()
    for batch, (X, y) in enumerate(dataloader):
        pred = model(X)
        reg_loss = sum(torch.sum(p ** 2) for p in model.parameters() if p.ndim > 1)
        loss = loss_fn(pred, y) + alpha * reg_loss

        loss.backward()
        optimizer.step()
        optimizer.zero_grad()

        if batch % print_every == 0:
            print(f"loss: {loss.item():>7f} batch: {batch:>5d}")


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--lr', type=float, default=1e-2)
    parser.add_argument('--alpha', type=float, default=5e-4)
    parser.add_argument('--epochs', type=int, default=20)
    args = parser.parse_args()

    train_set, _ = get_datasets('./data')
    train_dl = DataLoader(train_set, batch_size=64, shuffle=True)
    model = ConvNet()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    for t in range(args.epochs):
        train_loop(train_dl, model, nn.CrossEntropyLoss(), optimizer, args.alpha)
