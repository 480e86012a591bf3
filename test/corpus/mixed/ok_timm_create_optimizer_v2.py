# Idiom seen in: tsinghua-ideal/Syno experiments/utils/optim.py
# What it reproduces: timm's create_optimizer_v2(model, **optimizer_kwargs(cfg=args)) given the nn.Module (not
#   model.parameters()), so timm builds its own decay / no-decay groups and leaves biases and norm parameters
#   undecayed; the loss is the plain classification loss. Clean.
import argparse

import timm
import torch
from torch import nn
from timm.optim import create_optimizer_v2, optimizer_kwargs
from timm.scheduler import create_scheduler

from utils.dataset import get_dataloader


def get_optimizer(model: nn.Module, args):
    return create_optimizer_v2(model, **optimizer_kwargs(cfg=args))


def train_one_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    for images, targets in loader:
        images, targets = images.to(device), targets.to(device)
        output = model(images)
        loss = loss_fn(output, targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def main():
    parser = argparse.ArgumentParser(description='Syno proxy training')
    parser.add_argument('--model', default='resnet18', type=str)
    parser.add_argument('--num-classes', default=100, type=int)
    parser.add_argument('--opt', default='sgd', type=str)
    parser.add_argument('--opt-eps', default=None, type=float)
    parser.add_argument('--opt-betas', default=None, type=float, nargs='+')
    parser.add_argument('--momentum', default=0.9, type=float)
    parser.add_argument('--weight-decay', default=5e-4, type=float)
    parser.add_argument('--lr', default=0.1, type=float)
    parser.add_argument('--sched', default='cosine', type=str)
    parser.add_argument('--epochs', default=90, type=int)
    parser.add_argument('--batch-size', default=256, type=int)
    args = parser.parse_args()

    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = timm.create_model(args.model, num_classes=args.num_classes).to(device)
    optimizer = get_optimizer(model, args)
    lr_scheduler, num_epochs = create_scheduler(args, optimizer)
    train_loader = get_dataloader(args, train=True)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1)
    for epoch in range(num_epochs):
        train_one_epoch(model, train_loader, optimizer, loss_fn, device)
        lr_scheduler.step(epoch + 1)


if __name__ == '__main__':
    main()
