# Idiom seen in: repository not resolved by the code index (index file id 27651647507: `l2_weight_decay(lamda, model)`, "the same concept as tf.nn.l2_loss", summing w.pow(2) over named parameters whose name contains 'w')
# What it reproduces: a CIFAR-10 argparse script that adds the TF-style l2_weight_decay(lamda, model) helper to the loss while SGD also has weight_decay=args.wd on all of net.parameters(): every conv/linear/BN weight is decayed twice, and biases and BN parameters are decayed by the optimizer. Bug (WD201, WD203).
import argparse

import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim.lr_scheduler import MultiStepLR

from data import get_cifar10_loaders

parser = argparse.ArgumentParser(description="CIFAR-10 VGG-ish")
parser.add_argument("--lr", type=float, default=0.1)
parser.add_argument("--wd", type=float, default=5e-4)
parser.add_argument("--l2", type=float, default=3e-5)
parser.add_argument("--epochs", type=int, default=160)
parser.add_argument("--batch-size", type=int, default=128)
args = parser.parse_args()


def l2_weight_decay(lamda, model):
    """L2 loss over the weights, the same concept as tf.nn.l2_loss."""
    assert isinstance(lamda, float)
    sum_weight = None
    for name, w in model.named_parameters():
        if name.find('w') != -1:
            if sum_weight is None:
                sum_weight = (w.pow(2)).sum()
            else:
                sum_weight = sum_weight + (w.pow(2)).sum()
    return lamda * sum_weight


def conv_bn(c_in, c_out):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(inplace=True))


class SmallVGG(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            conv_bn(3, 64), conv_bn(64, 64), nn.MaxPool2d(2),
            conv_bn(64, 128), conv_bn(128, 128), nn.MaxPool2d(2),
            conv_bn(128, 256), conv_bn(256, 256), nn.MaxPool2d(2),
        )
        self.classifier = nn.Linear(256 * 4 * 4, num_classes)

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


device = "cuda" if torch.cuda.is_available() else "cpu"
net = SmallVGG().to(device)
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=args.lr, momentum=0.9, weight_decay=args.wd)  # expect: WD203
scheduler = MultiStepLR(optimizer, milestones=[80, 120], gamma=0.1)
trainloader, testloader = get_cifar10_loaders(args.batch_size)


def train(epoch):
    net.train()
    train_loss, correct, total = 0.0, 0, 0
    for inputs, targets in trainloader:
        inputs, targets = inputs.to(device), targets.to(device)
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, targets) + l2_weight_decay(args.l2, net)  # expect: WD201
        loss.backward()
        optimizer.step()
        train_loss += loss.item()
        correct += outputs.argmax(1).eq(targets).sum().item()
        total += targets.size(0)
    print(f"epoch {epoch} loss {train_loss / len(trainloader):.3f} acc {100.0 * correct / total:.2f}")


def test():
    net.eval()
    correct, total = 0, 0
    with torch.no_grad():
        for inputs, targets in testloader:
            outputs = net(inputs.to(device))
            correct += outputs.argmax(1).eq(targets.to(device)).sum().item()
            total += targets.size(0)
    return 100.0 * correct / total


for epoch in range(args.epochs):
    train(epoch)
    scheduler.step()
    print(f"test acc {test():.2f}")
