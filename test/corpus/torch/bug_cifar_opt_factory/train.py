# Idiom seen in: cprimel/cifar10-pytorch train.py
# What it reproduces: argparse groups (--opt default "sgd", --weight-decay default 5e-5) and
#   create_optimizer(params=model.parameters(), ...): every BatchNorm weight/bias and the classifier bias
#   are decayed (WD203, reported at the caller's params argument).
import argparse
import logging
import os

import torch
import torchvision

from models import model_registry
from optimizers import create_optimizer
from schedulers import create_scheduler

parser = argparse.ArgumentParser(description='CIFAR-10 Training')
group = parser.add_argument_group('Model parameters')
group.add_argument('--model', default='resnet10', type=str, metavar='MODEL')
group.add_argument('-b', '--batch-size', type=int, default=512, metavar='N')
group = parser.add_argument_group('Optimizer parameters')
group.add_argument('--opt', default='sgd', type=str, metavar='OPTIMIZER',
                   help='Optimizer (default: "sgd")')
group.add_argument('--weight-decay', type=float, default=5e-5, metavar="WD",
                   help='Weight decay (default: 5e-5)')
group = parser.add_argument_group('Learning rate schedule parameters')
group.add_argument('--sched', type=str, default='onecycle', metavar='SCHEDULER')
group.add_argument('--lr', type=float, default=0.01, metavar='LR')
group.add_argument('--epochs', type=int, default=300, metavar='ENUM')
group.add_argument('--checkpoint-dir', type=str, default='checkpoints')


def train_one_epoch(model, loader, loss_fn, optimizer, scheduler, device):
    model.train()
    for images, targets in loader:
        images, targets = images.to(device), targets.to(device)
        loss = loss_fn(model(images), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()


def main():
    args = parser.parse_args()
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = model_registry[args.model]().to(device)
    logging.info(f"{args.model} created, # of params: {sum(m.numel() for m in model.parameters()):,d}.")
    optimizer = create_optimizer(params=model.parameters(), opt_name=args.opt, lr=args.lr,  # expect: WD203
                                 weight_decay=args.weight_decay)
    loss_fn = torch.nn.CrossEntropyLoss().to(device)
    train_data = torchvision.datasets.CIFAR10('.data', train=True, download=True,
                                              transform=torchvision.transforms.ToTensor())
    loader = torch.utils.data.DataLoader(train_data, batch_size=args.batch_size, shuffle=True)
    scheduler = create_scheduler(optimizer, args, steps_per_epoch=len(loader))
    for epoch in range(args.epochs):
        train_one_epoch(model, loader, loss_fn, optimizer, scheduler, device)
        torch.save(model.state_dict(), os.path.join(args.checkpoint_dir, f'{args.model}_{epoch}.pt'))


if __name__ == '__main__':
    main()
