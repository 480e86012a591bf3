# Idiom seen in: facebookresearch/barlowtwins main.py
# What it reproduces: the spawn + SyncBatchNorm + DDP pre-training entry point: parameters split by ndim into
# two groups, LARS(lr=0, weight_decay=args.weight_decay, filters) with lrs set per step, AMP loop.
# label-note: clean. LARS applies weight_decay only to tensors the filter does not exclude (ndim > 1); the
# param_biases group has no decay in effect. No explicit penalty.
import argparse
import math
from pathlib import Path

import torch
import torchvision
from torch import nn

from augmentations import Transform
from lars import LARS, exclude_bias_and_norm
from model import BarlowTwins

parser = argparse.ArgumentParser(description='Barlow Twins Training')
parser.add_argument('data', type=Path, metavar='DIR')
parser.add_argument('--epochs', default=1000, type=int)
parser.add_argument('--batch-size', default=2048, type=int)
parser.add_argument('--learning-rate-weights', default=0.2, type=float)
parser.add_argument('--learning-rate-biases', default=0.0048, type=float)
parser.add_argument('--weight-decay', default=1e-6, type=float)
parser.add_argument('--lambd', default=0.0051, type=float)
parser.add_argument('--projector', default='8192-8192-8192', type=str)


def adjust_learning_rate(args, optimizer, loader, step):
    max_steps, warmup_steps = args.epochs * len(loader), 10 * len(loader)
    base_lr = args.batch_size / 256
    if step < warmup_steps:
        lr = base_lr * step / warmup_steps
    else:
        q = 0.5 * (1 + math.cos(math.pi * (step - warmup_steps) / (max_steps - warmup_steps)))
        lr = base_lr * q + base_lr * 0.001 * (1 - q)
    optimizer.param_groups[0]['lr'] = lr * args.learning_rate_weights
    optimizer.param_groups[1]['lr'] = lr * args.learning_rate_biases


def main_worker(gpu, args):
    torch.distributed.init_process_group(backend='nccl', init_method='tcp://localhost:58472',
                                         world_size=args.world_size, rank=gpu)
    torch.cuda.set_device(gpu)
    model = nn.SyncBatchNorm.convert_sync_batchnorm(BarlowTwins(args).cuda(gpu))
    param_weights, param_biases = [], []
    for param in model.parameters():
        (param_biases if param.ndim == 1 else param_weights).append(param)
    parameters = [{'params': param_weights}, {'params': param_biases}]
    model = torch.nn.parallel.DistributedDataParallel(model, device_ids=[gpu])
    optimizer = LARS(parameters, lr=0, weight_decay=args.weight_decay,
                     weight_decay_filter=exclude_bias_and_norm,
                     lars_adaptation_filter=exclude_bias_and_norm)

    dataset = torchvision.datasets.ImageFolder(args.data / 'train', Transform())
    sampler = torch.utils.data.distributed.DistributedSampler(dataset)
    loader = torch.utils.data.DataLoader(dataset, batch_size=args.batch_size // args.world_size, sampler=sampler)
    scaler = torch.cuda.amp.GradScaler()
    for epoch in range(args.epochs):
        sampler.set_epoch(epoch)
        for step, ((y1, y2), _) in enumerate(loader, start=epoch * len(loader)):
            adjust_learning_rate(args, optimizer, loader, step)
            optimizer.zero_grad()
            with torch.cuda.amp.autocast():
                loss = model.forward(y1.cuda(gpu, non_blocking=True), y2.cuda(gpu, non_blocking=True))
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()


if __name__ == '__main__':
    args = parser.parse_args()
    args.world_size = torch.cuda.device_count()
    torch.multiprocessing.spawn(main_worker, (args,), args.world_size)
