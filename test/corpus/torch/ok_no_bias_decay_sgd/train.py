# Idiom seen in: Ascend/ModelZoo-PyTorch PyTorch/dev/perf/mobilnetv3-cifar/train.py
# What it reproduces: the MobileNetV3 CIFAR script's argparse (--lr 0.1, --weight-decay 1e-5) and SGD with nesterov
#   momentum, here always built from noBiasDecay(...) param groups (the repo makes that path opt-in with -nbd).
#   Clean: lr*wd is tiny, only conv/linear kernels decay, the loss is the label-smoothed cross entropy.
import argparse

import torch
import torch.nn as nn
import torch.optim as optim
from torch.optim import lr_scheduler

from mobileNetV3 import MobileNetV3
from NoBiasDecay import noBiasDecay
from DataLoader import dataloaders
from LabelSmoothing import LabelSmoothingLoss


def train_one_epoch(model, loader, criterion, optimizer, device):
    model.train()
    for inputs, labels in loader:
        inputs, labels = inputs.to(device), labels.to(device)
        outputs = model(inputs)
        loss = criterion(outputs, labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def main():
    parser = argparse.ArgumentParser(description='PyTorch implementation of MobileNetV3')
    parser.add_argument('--data-dir', type=str, default='./data')
    parser.add_argument('--batch-size', type=int, default=256)
    parser.add_argument('--num-epochs', type=int, default=150)
    parser.add_argument('--lr', type=float, default=0.1)
    parser.add_argument('--mode', type=str, default='large', help='large or small MobileNetV3')
    parser.add_argument('--dropout', type=float, default=0.2)
    parser.add_argument('--label-smoothing', type=float, default=0.1)
    parser.add_argument('--step-size', type=int, default=3)
    parser.add_argument('--gamma', type=float, default=0.99)
    parser.add_argument('--weight-decay', type=float, default=1e-5, help='weight decay')
    parser.add_argument('--bn-momentum', type=float, default=0.1)
    args = parser.parse_args()

    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = MobileNetV3(mode=args.mode, classes_num=10, input_size=32, dropout=args.dropout,
                        BN_momentum=args.bn_momentum).to(device)
    loaders = dataloaders(args.data_dir, args.batch_size)

    criterion = LabelSmoothingLoss(10, label_smoothing=args.label_smoothing) if args.label_smoothing > 0 \
        else nn.CrossEntropyLoss()
    parameters = noBiasDecay(model, args.lr, args.weight_decay)
    optimizer = optim.SGD(parameters, lr=args.lr, momentum=0.9, nesterov=True)
    scheduler = lr_scheduler.StepLR(optimizer, step_size=args.step_size, gamma=args.gamma)

    for epoch in range(args.num_epochs):
        train_one_epoch(model, loaders['train'], criterion, optimizer, device)
        scheduler.step()


if __name__ == '__main__':
    main()
