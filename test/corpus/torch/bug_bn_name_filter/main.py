# Idiom seen in: jeff52415/Tips-for-improving-your-neural-network-pytorch src/no_bias_decay.py
# What it reproduces: the training script that hands add_weight_decay(...) groups to SGD, believing
#   biases and BatchNorm are excluded from the 5e-4 decay.
# label-note: the finding (WD203) is labelled in no_bias_decay.py where the decayed group is built.
import argparse

import torch
import torch.nn as nn
from torch.optim.lr_scheduler import MultiStepLR

from cifar_data import get_train_loader, get_test_loader
from no_bias_decay import add_weight_decay
from resnet import resnet18

parser = argparse.ArgumentParser()
parser.add_argument("--lr", default=0.1, type=float)
parser.add_argument("--wd", default=5e-4, type=float)
parser.add_argument("--epochs", default=200, type=int)
args = parser.parse_args()

device = "cuda" if torch.cuda.is_available() else "cpu"
net = resnet18().to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(add_weight_decay(net, args.wd), lr=args.lr, momentum=0.9, nesterov=True)
scheduler = MultiStepLR(optimizer, milestones=[100, 150], gamma=0.1)
trainloader, testloader = get_train_loader(), get_test_loader()


def train(epoch):
    net.train()
    total_loss = 0.0
    for inputs, targets in trainloader:
        inputs, targets = inputs.to(device), targets.to(device)
        optimizer.zero_grad()
        loss = criterion(net(inputs), targets)
        loss.backward()
        optimizer.step()
        total_loss += loss.item()
    print(f"epoch {epoch}: train loss {total_loss / len(trainloader):.3f}")


def main():
    for epoch in range(args.epochs):
        train(epoch)
        scheduler.step()


if __name__ == "__main__":
    main()
