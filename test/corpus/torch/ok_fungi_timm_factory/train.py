# Idiom seen in: wujiekd/Bag-of-Tricks-and-a-Strong-Baseline-for-Fungi-Fine-Grained-Classification FGVC-Main/train.py
# What it reproduces: timm-style train script: argparse (--opt sgd, --weight-decay 2e-5, --lr 0.05),
#   create_model from timm, then create_optimizer_v2(model, **optimizer_kwargs(cfg=args)), which keeps
#   biases and norm parameters out of the decay. Clean.
import argparse

import torch
import torch.nn as nn
from timm.models import create_model
from timm.scheduler import create_scheduler

from data_loader import build_fungi_loaders
from optim_factory import create_optimizer_v2, optimizer_kwargs

parser = argparse.ArgumentParser(description='FGVC Fungi Training')
parser.add_argument('--model', default='tf_efficientnet_b6_ns', type=str, metavar='MODEL')
parser.add_argument('--num-classes', type=int, default=1604, metavar='N')
parser.add_argument('--opt', default='sgd', type=str, metavar='OPTIMIZER', help='Optimizer (default: "sgd"')
parser.add_argument('--opt-eps', default=None, type=float, metavar='EPSILON')
parser.add_argument('--opt-betas', default=None, type=float, nargs='+', metavar='BETA')
parser.add_argument('--momentum', type=float, default=0.9, metavar='M')
parser.add_argument('--weight-decay', type=float, default=2e-5, help='weight decay (default: 2e-5)')
parser.add_argument('--lr', type=float, default=0.05, metavar='LR')
parser.add_argument('--epochs', type=int, default=300, metavar='N')
parser.add_argument('--sched', default='cosine', type=str, metavar='SCHEDULER')
parser.add_argument('--smoothing', type=float, default=0.1)


def train_one_epoch(epoch, model, loader, optimizer, loss_fn, device, lr_scheduler=None):
    model.train()
    num_updates = epoch * len(loader)
    for inputs, target in loader:
        inputs, target = inputs.to(device), target.to(device)
        loss = loss_fn(model(inputs), target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        num_updates += 1
        if lr_scheduler is not None:
            lr_scheduler.step_update(num_updates=num_updates)


def main():
    args = parser.parse_args()
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = create_model(args.model, pretrained=True, num_classes=args.num_classes).to(device)
    optimizer = create_optimizer_v2(model, **optimizer_kwargs(cfg=args))
    lr_scheduler, num_epochs = create_scheduler(args, optimizer)
    loader_train, loader_eval = build_fungi_loaders(args)
    train_loss_fn = nn.CrossEntropyLoss(label_smoothing=args.smoothing).to(device)
    for epoch in range(num_epochs):
        train_one_epoch(epoch, model, loader_train, optimizer, train_loss_fn, device, lr_scheduler)
        lr_scheduler.step(epoch + 1)
        torch.save(model.state_dict(), f'./output/{args.model}_{epoch}.pth')


if __name__ == '__main__':
    main()
