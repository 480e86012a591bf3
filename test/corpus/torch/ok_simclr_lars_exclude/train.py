# Idiom seen in: AndrewAtanov/simclr-pytorch train.py
# Idiom seen in: AndrewAtanov/simclr-pytorch models/ssl.py
# What it reproduces: SimCLR configure_optimizers: two param groups split by name, BatchNorm and bias
#   parameters excluded from both weight decay and LARS adaptation, SGD (optionally LARS-wrapped),
#   warmup + cosine lr. Clean.
import argparse

import torch

import models
from utils.lars_optimizer import LARS


def get_args():
    parser = argparse.ArgumentParser()
    parser.add_argument('--problem', default='sim-clr')
    parser.add_argument('--opt', default='lars', choices=['sgd', 'lars'])
    parser.add_argument('--lr', default=4.8, type=float)
    parser.add_argument('--weight_decay', default=1e-6, type=float)
    parser.add_argument('--iters', default=100000, type=int)
    parser.add_argument('--warmup', default=0.01, type=float)
    return parser.parse_args()


def configure_optimizers(args, model):
    def exclude_from_wd_and_adaptation(name):
        if 'bn' in name:
            return True
        if 'bias' in name:
            return True
        return False

    param_groups = [
        {
            'params': [p for name, p in model.named_parameters() if not exclude_from_wd_and_adaptation(name)],
            'weight_decay': args.weight_decay,
            'layer_adaptation': True,
        },
        {
            'params': [p for name, p in model.named_parameters() if exclude_from_wd_and_adaptation(name)],
            'weight_decay': 0.,
            'layer_adaptation': False,
        },
    ]
    if args.opt == 'sgd':
        optimizer = torch.optim.SGD(param_groups, lr=args.lr, momentum=0.9)
    else:
        optimizer = torch.optim.SGD(param_groups, lr=args.lr, momentum=0.9)
        optimizer = LARS(optimizer)
    warmup_iters = int(args.warmup * args.iters)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer.optim if isinstance(optimizer, LARS) else optimizer,
        lambda it: (it + 1) / warmup_iters if it < warmup_iters else 0.5 * (1 + torch.cos(torch.tensor(3.14159 * it / args.iters))).item())
    return optimizer, scheduler


def main():
    args = get_args()
    model = models.REGISTERED_MODELS[args.problem].default()
    model.prepare_data()
    train_loader, _ = model.dataloaders(iters=args.iters)
    optimizer, scheduler = configure_optimizers(args, model)
    model.train()
    for it, batch in enumerate(train_loader):
        logs = model.train_step(batch, it)
        optimizer.zero_grad()
        logs['loss'].backward()
        optimizer.step()
        scheduler.step()
        if it % 100 == 0:
            print(it, logs['loss'].item())


if __name__ == '__main__':
    main()
