# Idiom seen in: lanl/OpenFWI train.py
# Idiom seen in: lanl/OpenFWI network.py
# What it reproduces: OpenFWI training: torch.optim.AdamW(model.parameters(), ..., weight_decay=args.weight_decay)
#   with one group, so the BatchNorm scales/shifts and conv biases of InversionNet are decayed too.
import os
import sys
import json
import argparse

import torch
from torch import nn
from torch.utils.data import RandomSampler, DataLoader
from torch.utils.data.dataloader import default_collate
from torch.nn.parallel import DistributedDataParallel
from torchvision.transforms import Compose

import utils
import network
from dataset import FWIDataset
from scheduler import WarmupMultiStepLR
import transforms as T

step = 0


def train_one_epoch(model, criterion, optimizer, lr_scheduler, dataloader, device, epoch, writer):
    global step
    model.train()
    for data, label in dataloader:
        optimizer.zero_grad()
        data, label = data.to(device), label.to(device)
        output = model(data)
        loss, loss_g1v, loss_g2v = criterion(output, label)
        loss.backward()
        optimizer.step()
        if writer:
            writer.add_scalar('loss', loss.item(), step)
        step += 1
        lr_scheduler.step()


def main(args):
    utils.init_distributed_mode(args)
    device = torch.device(args.device)

    with open('dataset_config.json') as f:
        ctx = json.load(f)[args.dataset]

    transform_data = Compose([
        T.LogTransform(k=args.k),
        T.MinMaxNormalize(T.log_transform(ctx['data_min'], k=args.k), T.log_transform(ctx['data_max'], k=args.k)),
    ])
    transform_label = Compose([T.MinMaxNormalize(ctx['label_min'], ctx['label_max'])])
    dataset_train = FWIDataset(args.train_anno, preload=True, sample_ratio=args.sample_temporal,
                               file_size=ctx['file_size'], transform_data=transform_data,
                               transform_label=transform_label)
    dataloader_train = DataLoader(dataset_train, batch_size=args.batch_size,
                                  sampler=RandomSampler(dataset_train), num_workers=args.workers,
                                  pin_memory=True, drop_last=True, collate_fn=default_collate)

    if args.model not in network.model_dict:
        print('Unsupported model.')
        sys.exit()
    model = network.model_dict[args.model](sample_spatial=args.sample_spatial).to(device)
    if args.distributed and args.sync_bn:
        model = torch.nn.SyncBatchNorm.convert_sync_batchnorm(model)

    l1loss = nn.L1Loss()
    l2loss = nn.MSELoss()

    def criterion(pred, gt):
        loss_g1v = l1loss(pred, gt)
        loss_g2v = l2loss(pred, gt)
        loss = args.lambda_g1v * loss_g1v + args.lambda_g2v * loss_g2v
        return loss, loss_g1v, loss_g2v

    # Scale lr according to effective batch size
    lr = args.lr * args.world_size
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.999), weight_decay=args.weight_decay)  # expect: WD203

    warmup_iters = args.lr_warmup_epochs * len(dataloader_train)
    lr_milestones = [len(dataloader_train) * m for m in args.lr_milestones]
    lr_scheduler = WarmupMultiStepLR(optimizer, milestones=lr_milestones, gamma=args.lr_gamma,
                                     warmup_iters=warmup_iters, warmup_factor=1e-5)

    if args.distributed:
        model = DistributedDataParallel(model, device_ids=[args.local_rank])

    for epoch in range(args.start_epoch, args.epochs):
        train_one_epoch(model, criterion, optimizer, lr_scheduler, dataloader_train, device, epoch, None)


def parse_args():
    parser = argparse.ArgumentParser(description='FCN Training')
    parser.add_argument('-d', '--device', default='cuda', help='device')
    parser.add_argument('-ds', '--dataset', default='flatfault-b', type=str)
    parser.add_argument('-t', '--train-anno', default='split_files/flatfault_b_train_invnet.txt')
    parser.add_argument('-m', '--model', type=str, default='InversionNet')
    parser.add_argument('-ss', '--sample-spatial', type=float, default=1.0)
    parser.add_argument('-st', '--sample-temporal', type=int, default=1)
    parser.add_argument('-b', '--batch-size', default=256, type=int)
    parser.add_argument('--lr', default=0.0001, type=float, help='initial learning rate')
    parser.add_argument('-lm', '--lr-milestones', nargs='+', default=[], type=int)
    parser.add_argument('--weight-decay', default=1e-4, type=float, help='weight decay (default: 1e-4)')
    parser.add_argument('--lr-gamma', default=0.1, type=float)
    parser.add_argument('--lr-warmup-epochs', default=0, type=int)
    parser.add_argument('--epochs', default=120, type=int)
    parser.add_argument('--start-epoch', default=0, type=int)
    parser.add_argument('-j', '--workers', default=16, type=int)
    parser.add_argument('--k', default=1, type=float, help='k in log transformation')
    parser.add_argument('-g1v', '--lambda_g1v', type=float, default=1.0)
    parser.add_argument('-g2v', '--lambda_g2v', type=float, default=1.0)
    parser.add_argument('--sync-bn', action='store_true')
    parser.add_argument('--world-size', default=1, type=int)
    return parser.parse_args()


if __name__ == '__main__':
    main(parse_args())
