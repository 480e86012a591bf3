# Idiom seen in: namjiwon1023/Code_With_RL tutorials/common/regularization.py
# What it reproduces: the widely copied Regularization(model, weight_decay, p=2) module (squared-norm
# variant) added to the loss while the SGD optimizer is also given weight_decay=args.weight_decay on all
# of model.parameters(): the weights are decayed twice, and biases/BN by the optimizer.
import argparse

import torch
import torch.nn as nn

from regularization import Regularization
from dataset import get_train_loader

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


class Net(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, 256), nn.BatchNorm1d(256), nn.ReLU(),
            nn.Linear(256, 128), nn.BatchNorm1d(128), nn.ReLU(),
            nn.Linear(128, n_out),
        )

    def forward(self, x):
        return self.body(x)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--lr', type=float, default=0.01)
    parser.add_argument('--weight_decay', type=float, default=1e-4)
    parser.add_argument('--epochs', type=int, default=50)
    args = parser.parse_args()

    model = Net(64, 10).to(device)
    reg_loss = Regularization(model, args.weight_decay, p=2).to(device)
    criterion = nn.CrossEntropyLoss().to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=args.weight_decay)  # expect: WD203

    loader = get_train_loader(batch_size=128)
    for epoch in range(args.epochs):
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            out = model(x)
            loss = criterion(out, y)
            loss = loss + reg_loss(model)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print('epoch {} loss {:.4f}'.format(epoch, loss.item()))


if __name__ == '__main__':
    main()
