# Idiom seen in: Ringares/Pytorch_Prac utils/regularization.py
# What it reproduces: the Regularization(weight_decay) module's forward(model) returns the weighted L2 term; the
#   training step computes it and folds it into a "total" that is only logged, while loss.backward() trains on the
#   bare cross entropy (user mistake in the repo idiom): the decay term is discarded.
import argparse

import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.tensorboard import SummaryWriter

from data.loader import get_mnist_loaders


class Regularization(torch.nn.Module):
    def __init__(self, weight_decay=1e-5, p=2, param_name='weight'):
        super(Regularization, self).__init__()
        if weight_decay <= 0:
            print("param weight_decay can not <=0")
            exit(0)
        self.weight_decay = weight_decay
        self.p = p
        self.param_name = param_name

    def forward(self, model):
        return self.regularization_loss(model, self.weight_decay, p=self.p)

    def get_weight(self, model):
        return [(name, param) for name, param in model.named_parameters() if self.param_name in name]

    def regularization_loss(self, model, weight_decay, p=2):
        reg_loss = 0
        for name, w in self.get_weight(model):
            reg_loss = reg_loss + torch.norm(w, p=p)
        return weight_decay * reg_loss


class MLP(nn.Module):
    def __init__(self, hidden=512):
        super().__init__()
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(784, hidden), nn.ReLU(), nn.Dropout(0.2),
                                 nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 10))

    def forward(self, x):
        return self.net(x)


def train_epoch(model, loader, criterion, regularization, optimizer, writer, epoch, device):
    model.train()
    for step, (x, y) in enumerate(loader):
        x, y = x.to(device), y.to(device)
        loss = criterion(model(x), y)
        reg = regularization(model)  # expect: WD104
        total = loss + reg
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        global_step = epoch * len(loader) + step
        writer.add_scalar('train/ce', loss.item(), global_step)
        writer.add_scalar('train/total', total.item(), global_step)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--lr', type=float, default=0.01)
    parser.add_argument('--weight_decay', type=float, default=1e-4)
    parser.add_argument('--epochs', type=int, default=20)
    args = parser.parse_args()

    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    train_loader, _ = get_mnist_loaders(batch_size=128)
    model = MLP().to(device)
    regularization = Regularization(args.weight_decay, p=2).to(device)
    optimizer = optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    criterion = nn.CrossEntropyLoss()
    writer = SummaryWriter('runs/mlp_l2')
    for epoch in range(args.epochs):
        train_epoch(model, train_loader, criterion, regularization, optimizer, writer, epoch, device)


if __name__ == '__main__':
    main()
