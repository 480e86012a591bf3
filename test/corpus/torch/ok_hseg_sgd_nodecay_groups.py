# Idiom seen in: HaiwenZhang/HSegmentation optimizer.py
# What it reproduces: build_optimizer(config, model) with SGD; the decay is given only to conv/linear
# kernels, 1-d parameters (biases, BatchNorm affine) go into a group with weight_decay 0. Clean.
import argparse

import torch
import torch.nn.functional as F

from models import build_model
from datasets import build_loader

CONFIG = {
    'TRAIN': {'base_lr': 0.01, 'momentum': 0.9, 'weight_decay': 5e-4, 'epochs': 80},
}


def build_optimizer(config, model):
    decay, no_decay = [], []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        if param.ndim <= 1 or name.endswith('.bias'):
            no_decay.append(param)
        else:
            decay.append(param)
    optimizer = torch.optim.SGD(
        [{'params': decay, 'weight_decay': config['TRAIN']['weight_decay']},
         {'params': no_decay, 'weight_decay': 0.0}],
        lr=config['TRAIN']['base_lr'],
        momentum=config['TRAIN']['momentum'])
    return optimizer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--model', default='bisenetv2')
    parser.add_argument('--data-root', default='./data')
    args = parser.parse_args()
    model = build_model(args.model, num_classes=19).cuda()
    loader = build_loader(args.data_root, batch_size=16)
    optimizer = build_optimizer(CONFIG, model)
    for epoch in range(CONFIG['TRAIN']['epochs']):
        for images, masks in loader:
            logits = model(images.cuda())
            loss = F.cross_entropy(logits, masks.cuda(), ignore_index=255)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == '__main__':
    main()
