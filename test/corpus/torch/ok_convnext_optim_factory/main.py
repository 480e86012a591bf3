# Idiom seen in: facebookresearch/ConvNeXt main.py
# Idiom seen in: facebookresearch/ConvNeXt engine.py
# What it reproduces: main builds the model, then the AdamW optimizer through optim_factory.create_optimizer
# (decay 0.05 only on >=2-D weights); train_one_epoch minimises the plain label-smoothed cross entropy. Clean.
import argparse

import torch
from timm.loss import LabelSmoothingCrossEntropy

from convnext import ConvNeXt
from datasets import build_dataset
from optim_factory import create_optimizer


def get_args_parser():
    parser = argparse.ArgumentParser('ConvNeXt training and evaluation script', add_help=False)
    parser.add_argument('--batch_size', default=64, type=int)
    parser.add_argument('--epochs', default=300, type=int)
    parser.add_argument('--lr', type=float, default=4e-3)
    parser.add_argument('--weight_decay', type=float, default=0.05)
    parser.add_argument('--opt_eps', default=1e-8, type=float)
    parser.add_argument('--smoothing', type=float, default=0.1)
    parser.add_argument('--data_path', default='/datasets01/imagenet_full_size/061417/', type=str)
    return parser


def train_one_epoch(model, criterion, data_loader, optimizer, device):
    model.train(True)
    for samples, targets in data_loader:
        samples = samples.to(device, non_blocking=True)
        targets = targets.to(device, non_blocking=True)
        output = model(samples)
        loss = criterion(output, targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def main(args):
    device = torch.device('cuda')
    dataset_train, nb_classes = build_dataset(is_train=True, args=args)
    data_loader_train = torch.utils.data.DataLoader(dataset_train, batch_size=args.batch_size, shuffle=True,
                                                    num_workers=10, pin_memory=True, drop_last=True)
    model = ConvNeXt(num_classes=nb_classes).to(device)
    optimizer = create_optimizer(args, model)
    criterion = LabelSmoothingCrossEntropy(smoothing=args.smoothing)
    for epoch in range(args.epochs):
        train_one_epoch(model, criterion, data_loader_train, optimizer, device)


if __name__ == '__main__':
    parser = argparse.ArgumentParser('ConvNeXt training', parents=[get_args_parser()])
    main(parser.parse_args())
