# Idiom seen in: hanhanyuyuji/SW-Net-for-few-shot regularizationTest.py; pytorch/examples imagenet/main.py
# What it reproduces: an explicit `torch.norm(param, 2) ** 2` loop over named_parameters() added to the loss while
# SGD also has weight_decay from argparse: every weight is decayed twice, and SGD's decay covers biases as well.
import argparse

import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision import datasets, transforms


class MLP(nn.Module):
    def __init__(self):
        super(MLP, self).__init__()
        self.linear1 = nn.Linear(784, 256)
        self.linear2 = nn.Linear(256, 64)
        self.linear3 = nn.Linear(64, 10)

    def forward(self, x):
        x = x.view(x.size(0), -1)
        x = F.relu(self.linear1(x))
        x = F.relu(self.linear2(x))
        return self.linear3(x)


parser = argparse.ArgumentParser(description='MNIST MLP with L2')
parser.add_argument('--lr', type=float, default=0.05)
parser.add_argument('--momentum', type=float, default=0.9)
parser.add_argument('--weight-decay', '--wd', type=float, default=5e-4, dest='weight_decay')
parser.add_argument('--l2', type=float, default=0.01, help='explicit L2 coefficient')
parser.add_argument('--epochs', type=int, default=10)


def main():
    args = parser.parse_args()
    device = 'cuda' if torch.cuda.is_available() else 'cpu'
    train_set = datasets.MNIST('./data', train=True, download=True, transform=transforms.ToTensor())
    train_loader = torch.utils.data.DataLoader(train_set, batch_size=128, shuffle=True)

    model = MLP()
    model = model.to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum,  # expect: WD203
                                weight_decay=args.weight_decay)

    for epoch in range(args.epochs):
        model.train()
        for inputs, targets in train_loader:
            inputs, targets = inputs.to(device), targets.to(device)
            optimizer.zero_grad()
            outputs = model(inputs)
            cross_entropy_loss = F.cross_entropy(outputs, targets)
            l2_regularization = torch.tensor(0., device=device)
            for name, param in model.named_parameters():
                if 'weight' in name:
                    l2_regularization = l2_regularization + torch.norm(param, 2) ** 2  # expect: WD201
            loss = cross_entropy_loss + args.l2 * l2_regularization
            loss.backward()
            optimizer.step()
        print('epoch {} loss {:.4f}'.format(epoch, loss.item()))


if __name__ == '__main__':
    main()
