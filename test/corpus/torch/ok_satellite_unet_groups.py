# Idiom seen in: louisMJK/Satellite-Imagery-Segmentation code/train.py
# What it reproduces: satellite crop-type segmentation with a UNet, argparse `--optim sgd|adam` and
#   `--weight-decay` (here default 0.0, runs pass e.g. 1e-4). Clean variant: when weight decay is asked for,
#   the parameters are split so that biases and BatchNorm parameters get weight_decay 0.0, and the Adam path
#   uses AdamW (global weight_decay=0.0, so its 0.01 default never reaches the biases); the
#   `if args.weight_decay > 0` guard depends on a command-line value, so it is not dead code.
import argparse

import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from dataset import GeoCropDataset
from models.unet import UNet
from transforms import SegmentationTrainTransform


def _parse_args():
    parser = argparse.ArgumentParser(description='Satellite crop segmentation')
    parser.add_argument('--optim', default='adam', type=str)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight-decay', type=float, default=0.0)
    parser.add_argument('--lr-base', type=float, default=5e-4)
    parser.add_argument('--epochs', type=int, default=10)
    parser.add_argument('-b', '--batch-size', type=int, default=32)
    parser.add_argument('--data-dir', default='../data/', type=str)
    return parser.parse_args()


def param_groups(model, weight_decay):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        if p.ndim <= 1 or name.endswith('.bias'):
            no_decay.append(p)
        else:
            decay.append(p)
    return [{'params': decay, 'weight_decay': weight_decay},
            {'params': no_decay, 'weight_decay': 0.0}]


def main():
    args = _parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    loader_train = DataLoader(GeoCropDataset(root=args.data_dir, is_train=True, transform=SegmentationTrainTransform()),
                              batch_size=args.batch_size, shuffle=True, num_workers=4)

    model = UNet().to(device)
    if args.weight_decay > 0:
        params_to_optimize = param_groups(model, args.weight_decay)
    else:
        params_to_optimize = model.parameters()

    if args.optim == 'sgd':
        optimizer = torch.optim.SGD(params_to_optimize, lr=args.lr_base, momentum=args.momentum)
    elif args.optim == 'adam':
        # the groups carry their own weight_decay; 0.0 here also overrides AdamW's 0.01 default when
        # no groups were built
        optimizer = torch.optim.AdamW(params_to_optimize, lr=args.lr_base, weight_decay=0.0)
    else:
        raise ValueError('No optimizer selected !')
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, args.epochs)
    criterion = nn.CrossEntropyLoss()

    for epoch in range(args.epochs):
        model.train()
        running_loss = 0.0
        for inputs, targets in loader_train:
            inputs, targets = inputs.to(device), targets.to(device)
            optimizer.zero_grad()
            loss = criterion(model(inputs), targets.long())
            loss.backward()
            optimizer.step()
            running_loss += loss.item() * inputs.size(0)
        scheduler.step()
        print(f'Epoch [{epoch + 1:4d}/{args.epochs:4d}]   Train Loss: {running_loss / len(loader_train.dataset):.3e}')


if __name__ == "__main__":
    main()
