# Idiom seen in: dalin477/EfficientNet-pytorch timm/optim/optim_factory.py
# What it reproduces: timm's train.py pattern: a YAML file (-c) overrides the argparse defaults via
#   parser.set_defaults(**cfg); model from a factory in another package; create_optimizer(args, model).
# label-note: clean (see optim_factory.py). config.yaml: opt sgd, lr 0.1, weight_decay 1.0e-4.
import argparse

import torch
import yaml

from effnet_models import create_model
from imagenet_loader import create_loader
from optim_factory import create_optimizer

config_parser = argparse.ArgumentParser(add_help=False)
config_parser.add_argument('-c', '--config', default='config.yaml', type=str)
parser = argparse.ArgumentParser(description='ImageNet training')
parser.add_argument('--model', default='efficientnet_b0', type=str)
parser.add_argument('--opt', default='sgd', type=str)
parser.add_argument('--opt-eps', default=1e-8, type=float)
parser.add_argument('--momentum', default=0.9, type=float)
parser.add_argument('--weight-decay', default=2e-5, type=float)
parser.add_argument('--lr', default=0.05, type=float)
parser.add_argument('--epochs', default=300, type=int)


def parse_args():
    args_config, remaining = config_parser.parse_known_args()
    if args_config.config:
        with open(args_config.config, 'r') as f:
            cfg = yaml.safe_load(f)
            parser.set_defaults(**cfg)
    return parser.parse_args(remaining)


def train_one_epoch(epoch, model, loader, optimizer, loss_fn, scheduler):
    model.train()
    for i, (inputs, target) in enumerate(loader):
        inputs, target = inputs.cuda(), target.cuda()
        loss = loss_fn(model(inputs), target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if i % 50 == 0:
            print(f'epoch {epoch} iter {i}: loss {loss.item():.4f}')
    scheduler.step()


def main():
    args = parse_args()
    model = create_model(args.model, num_classes=1000).cuda()
    optimizer = create_optimizer(args, model)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
    loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=0.1).cuda()
    loader = create_loader('/data/imagenet/train', batch_size=256)
    for epoch in range(args.epochs):
        train_one_epoch(epoch, model, loader, optimizer, loss_fn, scheduler)


if __name__ == '__main__':
    main()
