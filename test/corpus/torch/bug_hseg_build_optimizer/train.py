# Idiom seen in: HaiwenZhang/HSegmentation optimizer.py
# What it reproduces: a yacs-like config object feeding build_optimizer(config, model); the real repo
# built SGD without decay, here the user added weight_decay to one group of all parameters (BN and biases decay too).
import argparse

import torch
import torch.nn.functional as F

from configs import get_config
from optimizer import build_optimizer
from models import build_model
from datasets import build_loader


def parse_args():
    parser = argparse.ArgumentParser('HSegmentation training')
    parser.add_argument('--data-root', type=str, default='./data/cityscapes')
    parser.add_argument('--device', type=str, default='cuda')
    return parser.parse_args()


def main():
    args = parse_args()
    config = get_config()
    model = build_model(config.MODEL.name, num_classes=config.MODEL.num_classes).to(args.device)
    loader = build_loader(args.data_root, config.TRAIN.batch_size)
    optimizer = build_optimizer(config, model)
    max_iter = config.TRAIN.epochs * len(loader)
    it = 0
    for epoch in range(config.TRAIN.epochs):
        model.train()
        for images, masks in loader:
            images, masks = images.to(args.device), masks.to(args.device)
            logits = model(images)
            loss = F.cross_entropy(logits, masks, ignore_index=255)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            it += 1
            for group in optimizer.param_groups:
                group['lr'] = config.TRAIN.base_lr * (1 - it / max_iter) ** 0.9
        print('epoch %d loss %.4f' % (epoch, loss.item()))


if __name__ == '__main__':
    main()
