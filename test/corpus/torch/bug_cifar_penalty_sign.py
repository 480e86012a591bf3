# Idiom seen in: kaleichykhanna/cifar10 cifar10_classifier/scripts/train_model.py
# What it reproduces: the repo's train_loop(dataloader, model, loss_fn, optimizer) extended by the user with an
#   explicit L2 term over model.parameters(); the term is subtracted (loss - alpha * reg_loss), a sign slip
#   that makes the "decay" grow the weights. The SGD optimizer itself has no weight_decay.
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
        reg_loss = sum(torch.sum(p ** 2) for p in model.parameters())
        loss = loss_fn(pred, y) - alpha * reg_loss  # expect: WD302

        loss.backward()
        optimizer.step()
        optimizer.zero_grad()

        if batch % print_every == 0:
            print(f"loss: {loss.item():>7f} batch: {batch:>5d}")


def test_loop(dataloader, model, loss_fn):
    model.eval()
    correct, total = 0, 0
    with torch.no_grad():
        for X, y in dataloader:
            pred = model(X)
            correct += (pred.argmax(1) == y).sum().item()
            total += y.shape[0]
    print(f"accuracy: {100 * correct / total:.1f}%")


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--lr', type=float, default=1e-2)
    parser.add_argument('--alpha', type=float, default=5e-4)
    parser.add_argument('--epochs', type=int, default=20)
    args = parser.parse_args()

    train_set, test_set = get_datasets('./data')
    train_dl = DataLoader(train_set, batch_size=64, shuffle=True)
    test_dl = DataLoader(test_set, batch_size=256)
    model = ConvNet()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    for t in range(args.epochs):
        train_loop(train_dl, model, nn.CrossEntropyLoss(), optimizer, args.alpha)
        test_loop(test_dl, model, nn.CrossEntropyLoss())
