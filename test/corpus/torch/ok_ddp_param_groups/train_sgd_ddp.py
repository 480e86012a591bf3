# Idiom seen in: nblt/DLDR train_sgd_ddp.py
# Idiom seen in: nblt/DLDR utils/optim.py
# What it reproduces: DDP CIFAR training that builds its optimizer through the grouping factory on the
# unwrapped model (model.module): decay only on conv/linear weights. Clean.
import argparse
import os

import torch
import torch.distributed as dist
import torch.nn as nn
from torch.nn.parallel import DistributedDataParallel as DDP

from optim_factory import create_optimizer
from utils.get import get_datasets, get_model  # not in this workspace

parser = argparse.ArgumentParser(description='DDP SGD training')
parser.add_argument('--arch', default='resnet20')
parser.add_argument('--datasets', default='CIFAR10')
parser.add_argument('--opt', default='momentum', choices=['sgd', 'momentum', 'nesterov', 'adamw'])
parser.add_argument('--lr', type=float, default=0.1)
parser.add_argument('--momentum', type=float, default=0.9)
parser.add_argument('--weight_decay', type=float, default=1e-4)
parser.add_argument('--epochs', type=int, default=150)
parser.add_argument('--batch_size', type=int, default=128)


def main():
    args = parser.parse_args()
    local_rank = int(os.environ['LOCAL_RANK'])
    torch.cuda.set_device(local_rank)
    dist.init_process_group(backend='nccl')

    model = get_model(args).cuda()
    model = DDP(model, device_ids=[local_rank])
    model_without_ddp = model.module

    optimizer = create_optimizer(args, model_without_ddp)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=args.epochs)
    criterion = nn.CrossEntropyLoss().cuda()
    train_loader, val_loader, sampler = get_datasets(args, distributed=True)

    for epoch in range(args.epochs):
        sampler.set_epoch(epoch)
        model.train()
        for x, y in train_loader:
            x, y = x.cuda(non_blocking=True), y.cuda(non_blocking=True)
            loss = criterion(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()
        if dist.get_rank() == 0:
            print('epoch %d loss %.4f' % (epoch, loss.item()))


if __name__ == '__main__':
    main()
