# Idiom seen in: wenjtop/image_classification classfication/optimizer/optim_factory.py; pytorch/examples imagenet/main.py
# What it reproduces: the training entry point: `--opt adamw --weight-decay 0.05` defaults, a ViT from the models
# package, `create_optimizer(args, model)` from the factory module, data from a datasets module not in this folder.
import argparse

import torch
import torch.nn as nn

from datasets import build_dataset
from models import vit_tiny
from optim_factory import create_optimizer


def get_args_parser():
    parser = argparse.ArgumentParser('ViT training', add_help=False)
    parser.add_argument('--data-path', default='/datasets/cifar100', type=str)
    parser.add_argument('--batch-size', default=256, type=int)
    parser.add_argument('--epochs', default=300, type=int)
    parser.add_argument('--opt', default='adamw', type=str, metavar='OPTIMIZER')
    parser.add_argument('--lr', type=float, default=5e-4, metavar='LR')
    parser.add_argument('--momentum', type=float, default=0.9, metavar='M')
    parser.add_argument('--weight-decay', type=float, default=0.05, help='weight decay (default: 0.05)')
    return parser


def main(args):
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    dataset_train = build_dataset(is_train=True, args=args)
    data_loader = torch.utils.data.DataLoader(dataset_train, batch_size=args.batch_size, shuffle=True,
                                              num_workers=8, drop_last=True)
    model = vit_tiny(num_classes=100)
    model.to(device)
    optimizer = create_optimizer(args, model)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
    for epoch in range(args.epochs):
        model.train()
        for samples, targets in data_loader:
            samples, targets = samples.to(device, non_blocking=True), targets.to(device, non_blocking=True)
            loss = criterion(model(samples), targets)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()
        print(f'epoch {epoch} loss {loss.item():.4f}')


if __name__ == '__main__':
    parser = argparse.ArgumentParser('ViT training script', parents=[get_args_parser()])
    args = parser.parse_args()
    main(args)
