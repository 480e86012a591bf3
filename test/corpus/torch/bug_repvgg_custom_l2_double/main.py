# Idiom seen in: DingXiaoH/RepVGG main.py
# Idiom seen in: DingXiaoH/RepVGG repvggplus_custom_L2.py
# What it reproduces: a user switches to the custom-L2 RepVGGplus and adds 0.5 * wd * outputs['L2'] to
#   the loss, but keeps the stock build_optimizer whose SGD weight_decay also decays the same branch
#   kernels: double decay (a realistic mistake in this repository's idiom; the repo zeroes the optimizer decay).
import argparse

import torch
from timm.utils import AverageMeter

from data import build_loader
from repvggplus_custom_L2 import create_RepVGGplus_L2
from train.optimizer import build_optimizer

TRAIN_CONFIG = {
    'OPTIMIZER': 'sgd',
    'BASE_LR': 0.1,
    'MOMENTUM': 0.9,
    'WEIGHT_DECAY': 1e-4,
    'EPOCHS': 120,
}


def train_one_epoch(config, model, criterion, data_loader, optimizer):
    model.train()
    loss_meter = AverageMeter()
    for samples, targets in data_loader:
        outputs = model(samples)
        loss = criterion(outputs['main'], targets)
        loss = loss + 0.5 * config['WEIGHT_DECAY'] * outputs['L2']  # expect: WD201
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        loss_meter.update(loss.item(), targets.size(0))
    return loss_meter.avg


def main(args):
    _, _, data_loader_train, _, _ = build_loader(args)
    model = create_RepVGGplus_L2(num_classes=1000)
    optimizer = build_optimizer(TRAIN_CONFIG, model)
    criterion = torch.nn.CrossEntropyLoss()
    for epoch in range(TRAIN_CONFIG['EPOCHS']):
        avg = train_one_epoch(TRAIN_CONFIG, model, criterion, data_loader_train, optimizer)
        print('epoch', epoch, 'loss', avg)


if __name__ == '__main__':
    parser = argparse.ArgumentParser('RepVGGplus custom L2 training')
    parser.add_argument('--data-path', default='/path/to/imagenet', type=str)
    parser.add_argument('--batch-size', default=128, type=int)
    main(parser.parse_args())
