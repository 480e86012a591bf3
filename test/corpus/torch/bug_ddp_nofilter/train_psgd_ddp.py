# Idiom seen in: nblt/DLDR train_psgd_ddp.py
# Idiom seen in: nblt/DLDR utils/optim.py
# What it reproduces: DDP training script handing the unwrapped ResNet (with BatchNorm) to the trimmed
# factory, whose single decayed group includes biases and BN weights.
import argparse
import os

import torch
import torch.distributed as dist
import torch.nn as nn
from torch.nn.parallel import DistributedDataParallel as DDP

from optim_factory import create_optimizer
from utils.get import get_datasets, get_model  # not in this workspace

parser = argparse.ArgumentParser(description='DDP P-SGD warm-up training')
parser.add_argument('--arch', default='resnet20')
parser.add_argument('--datasets', default='CIFAR10')
parser.add_argument('--opt', default='momentum', choices=['sgd', 'momentum', 'nesterov', 'adamw'])
parser.add_argument('--lr', type=float, default=0.1)
parser.add_argument('--momentum', type=float, default=0.9)
parser.add_argument('--weight_decay', type=float, default=5e-4)
parser.add_argument('--epochs', type=int, default=100)


def main():
    args = parser.parse_args()
    local_rank = int(os.environ['LOCAL_RANK'])
    torch.cuda.set_device(local_rank)
    dist.init_process_group(backend='nccl')

    model = get_model(args).cuda()
    model = torch.nn.SyncBatchNorm.convert_sync_batchnorm(model)
    model = DDP(model, device_ids=[local_rank])

    optimizer = create_optimizer(args, model.module)
    criterion = nn.CrossEntropyLoss().cuda()
    train_loader, _, sampler = get_datasets(args, distributed=True)

    for epoch in range(args.epochs):
        sampler.set_epoch(epoch)
        model.train()
        for x, y in train_loader:
            x, y = x.cuda(non_blocking=True), y.cuda(non_blocking=True)
            loss = criterion(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        if dist.get_rank() == 0:
            print('epoch %d loss %.4f' % (epoch, loss.item()))


if __name__ == '__main__':
    main()
