# Idiom seen in: wenjtop/image_classification classfication/optimizer/optim_factory.py
# What it reproduces: timm-style param_groups_weight_decay(model, weight_decay) that puts every 1-d
# parameter and every ".bias" in a weight_decay=0 group, fed to momentum SGD with args.weight_decay=5e-4.
# Clean: lr*wd is tiny, biases/BN excluded, no second L2 term.
import argparse

import torch
import torch.nn as nn
import torchvision

from datasets import build_dataset


def param_groups_weight_decay(model: nn.Module, weight_decay=1e-5, no_weight_decay_list=()):
    no_weight_decay_list = set(no_weight_decay_list)
    decay = []
    no_decay = []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        if param.ndim <= 1 or name.endswith(".bias") or name in no_weight_decay_list:
            no_decay.append(param)
        else:
            decay.append(param)
    return [
        {'params': no_decay, 'weight_decay': 0.},
        {'params': decay, 'weight_decay': weight_decay}]


def get_args():
    parser = argparse.ArgumentParser('image classification training')
    parser.add_argument('--model', default='resnet34', type=str)
    parser.add_argument('--num_classes', default=10, type=int)
    parser.add_argument('--epochs', default=100, type=int)
    parser.add_argument('--batch_size', default=128, type=int)
    parser.add_argument('--lr', default=0.1, type=float)
    parser.add_argument('--momentum', default=0.9, type=float)
    parser.add_argument('--weight_decay', default=5e-4, type=float)
    return parser.parse_args()


def main(args):
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    model = getattr(torchvision.models, args.model)(num_classes=args.num_classes).to(device)
    param_groups = param_groups_weight_decay(model, args.weight_decay)
    optimizer = torch.optim.SGD(param_groups, lr=args.lr, momentum=args.momentum, nesterov=True)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
    train_loader = build_dataset(is_train=True, batch_size=args.batch_size)

    for epoch in range(args.epochs):
        model.train()
        for samples, targets in train_loader:
            samples, targets = samples.to(device), targets.to(device)
            loss = criterion(model(samples), targets)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()
        print(f'epoch {epoch}: loss {loss.item():.4f}')


if __name__ == '__main__':
    main(get_args())
