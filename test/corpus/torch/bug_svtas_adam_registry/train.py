# Idiom seen in: Thinksky5124/SVTAS config/_base_/schedules/optimizer/adam.py
# What it reproduces: an optimizer registry (AdamOptimizer subclassing torch.optim.Adam, built from an
# OPTIMIZER dict with weight_decay=1e-4): coupled L2 under Adam, applied to every trainable parameter.
import argparse

import torch
import torch.nn.functional as F

from config.adam import OPTIMIZER
from svtas.optim import build_optimizer
from svtas.model import build_model
from svtas.loader import build_dataloader


def main():
    parser = argparse.ArgumentParser('SVTAS train script')
    parser.add_argument('--model', default='ms_tcn')
    parser.add_argument('--epochs', type=int, default=50)
    parser.add_argument('--split', type=int, default=1)
    args = parser.parse_args()

    model = build_model(args.model, num_classes=48).cuda()
    optimizer = build_optimizer(OPTIMIZER, model)
    loader = build_dataloader('breakfast', split=args.split, batch_size=1)
    for epoch in range(args.epochs):
        for feats, labels, masks in loader:
            outputs = model(feats.cuda(), masks.cuda())
            loss = 0
            for out in outputs:
                loss = loss + F.cross_entropy(out.transpose(2, 1).reshape(-1, 48),
                                              labels.cuda().view(-1), ignore_index=-100)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == '__main__':
    main()
