# Idiom seen in: princeton-vl/RAFT train.py
# What it reproduces: fetch_optimizer(args, model) builds AdamW(model.parameters(), weight_decay=args.wdecay)
#   for the DataParallel-wrapped RAFT (BatchNorm/InstanceNorm encoders, biased convs): every norm scale and
#   bias is decayed with the weights, since there is no no-decay group.
from __future__ import print_function, division
import sys
sys.path.append('core')

import argparse
import os
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

from raft import RAFT
import datasets

MAX_FLOW = 400


def sequence_loss(flow_preds, flow_gt, valid, gamma=0.8, max_flow=MAX_FLOW):
    n_predictions = len(flow_preds)
    flow_loss = 0.0
    mag = torch.sum(flow_gt ** 2, dim=1).sqrt()
    valid = (valid >= 0.5) & (mag < max_flow)
    for i in range(n_predictions):
        i_weight = gamma ** (n_predictions - i - 1)
        i_loss = (flow_preds[i] - flow_gt).abs()
        flow_loss += i_weight * (valid[:, None] * i_loss).mean()
    epe = torch.sum((flow_preds[-1] - flow_gt) ** 2, dim=1).sqrt()
    return flow_loss, {'epe': epe.mean().item()}


def fetch_optimizer(args, model):
    """ Create the optimizer and learning rate scheduler """
    optimizer = optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.wdecay, eps=args.epsilon)  # expect: WD203
    scheduler = optim.lr_scheduler.OneCycleLR(optimizer, args.lr, args.num_steps + 100,
                                              pct_start=0.05, cycle_momentum=False,
                                              anneal_strategy='linear')
    return optimizer, scheduler


def train(args):
    model = nn.DataParallel(RAFT(args), device_ids=args.gpus)
    model.cuda()
    model.train()
    if args.stage != 'chairs':
        model.module.freeze_bn()

    train_loader = datasets.fetch_dataloader(args)
    optimizer, scheduler = fetch_optimizer(args, model)
    scaler = torch.cuda.amp.GradScaler(enabled=args.mixed_precision)

    total_steps = 0
    while total_steps <= args.num_steps:
        for data_blob in train_loader:
            optimizer.zero_grad()
            image1, image2, flow, valid = [x.cuda() for x in data_blob]
            flow_predictions = model(image1, image2, iters=args.iters)
            loss, metrics = sequence_loss(flow_predictions, flow, valid, args.gamma)
            scaler.scale(loss).backward()
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip)
            scaler.step(optimizer)
            scheduler.step()
            scaler.update()
            total_steps += 1
            if total_steps > args.num_steps:
                break

    PATH = 'checkpoints/%s.pth' % args.name
    torch.save(model.state_dict(), PATH)
    return PATH


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--name', default='raft')
    parser.add_argument('--stage')
    parser.add_argument('--lr', type=float, default=0.00002)
    parser.add_argument('--num_steps', type=int, default=100000)
    parser.add_argument('--gpus', type=int, nargs='+', default=[0, 1])
    parser.add_argument('--mixed_precision', action='store_true')
    parser.add_argument('--iters', type=int, default=12)
    parser.add_argument('--wdecay', type=float, default=.00005)
    parser.add_argument('--epsilon', type=float, default=1e-8)
    parser.add_argument('--clip', type=float, default=1.0)
    parser.add_argument('--gamma', type=float, default=0.8)
    args = parser.parse_args()
    torch.manual_seed(1234)
    np.random.seed(1234)
    os.makedirs('checkpoints', exist_ok=True)
    train(args)
