# Idiom seen in: facebookresearch/moco-v3 main_moco.py
# What it reproduces: DDP pre-training where --optimizer picks the repository's LARS (which excludes 1-d
# parameters from decay) or torch AdamW on model.parameters(); the AdamW branch, the ViT recipe with
# --weight-decay 0.1, decays the ViT's LayerNorm weights, biases, cls token and position embedding.
import argparse
import builtins
import math
import os
from functools import partial

import torch
import torch.backends.cudnn as cudnn
import torch.distributed as dist
import torch.multiprocessing as mp
import torchvision.models as torchvision_models

import builder
import optimizer as moco_optimizer
import vits

parser = argparse.ArgumentParser(description='MoCo ImageNet Pre-Training')
parser.add_argument('data', metavar='DIR', help='path to dataset')
parser.add_argument('-a', '--arch', metavar='ARCH', default='vit_small')
parser.add_argument('--epochs', default=300, type=int, metavar='N')
parser.add_argument('-b', '--batch-size', default=4096, type=int, metavar='N')
parser.add_argument('--lr', '--learning-rate', default=0.6, type=float, metavar='LR', dest='lr')
parser.add_argument('--momentum', default=0.9, type=float, metavar='M')
parser.add_argument('--wd', '--weight-decay', default=1e-6, type=float, metavar='W', dest='weight_decay')
parser.add_argument('--world-size', default=-1, type=int)
parser.add_argument('--rank', default=-1, type=int)
parser.add_argument('--dist-url', default='tcp://224.66.41.62:23456', type=str)
parser.add_argument('--gpu', default=None, type=int)
parser.add_argument('--moco-dim', default=256, type=int)
parser.add_argument('--moco-mlp-dim', default=4096, type=int)
parser.add_argument('--moco-m', default=0.99, type=float)
parser.add_argument('--moco-t', default=1.0, type=float)
parser.add_argument('--stop-grad-conv1', action='store_true')
parser.add_argument('--optimizer', default='lars', type=str, choices=['lars', 'adamw'])
parser.add_argument('--warmup-epochs', default=10, type=int, metavar='N')


def main_worker(gpu, ngpus_per_node, args):
    args.gpu = gpu
    if args.gpu != 0:
        def print_pass(*args):
            pass
        builtins.print = print_pass
    args.rank = args.rank * ngpus_per_node + gpu
    dist.init_process_group(backend='nccl', init_method=args.dist_url, world_size=args.world_size, rank=args.rank)

    if args.arch.startswith('vit'):
        model = builder.MoCo_ViT(partial(vits.__dict__[args.arch], stop_grad_conv1=args.stop_grad_conv1),
                                 args.moco_dim, args.moco_mlp_dim, args.moco_t)
    else:
        model = builder.MoCo_ResNet(partial(torchvision_models.__dict__[args.arch], zero_init_residual=True),
                                    args.moco_dim, args.moco_mlp_dim, args.moco_t)

    args.lr = args.lr * args.batch_size / 256
    torch.cuda.set_device(args.gpu)
    model.cuda(args.gpu)
    args.batch_size = int(args.batch_size / args.world_size)
    model = torch.nn.parallel.DistributedDataParallel(model, device_ids=[args.gpu])

    if args.optimizer == 'lars':
        optimizer = moco_optimizer.LARS(model.parameters(), args.lr,
                                        weight_decay=args.weight_decay,
                                        momentum=args.momentum)
    elif args.optimizer == 'adamw':
        optimizer = torch.optim.AdamW(model.parameters(), args.lr,  # expect: WD203
                                      weight_decay=args.weight_decay)

    scaler = torch.cuda.amp.GradScaler()
    cudnn.benchmark = True
    train_loader = builder.make_train_loader(args)

    for epoch in range(args.epochs):
        train_loader.sampler.set_epoch(epoch)
        train(train_loader, model, optimizer, scaler, epoch, args)


def train(train_loader, model, optimizer, scaler, epoch, args):
    model.train()
    iters_per_epoch = len(train_loader)
    moco_m = args.moco_m
    for i, (images, _) in enumerate(train_loader):
        lr = adjust_learning_rate(optimizer, epoch + i / iters_per_epoch, args)
        moco_m = adjust_moco_momentum(epoch + i / iters_per_epoch, args)
        images[0] = images[0].cuda(args.gpu, non_blocking=True)
        images[1] = images[1].cuda(args.gpu, non_blocking=True)
        with torch.cuda.amp.autocast(True):
            loss = model(images[0], images[1], moco_m)
        optimizer.zero_grad()
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()


def adjust_learning_rate(optimizer, epoch, args):
    if epoch < args.warmup_epochs:
        lr = args.lr * epoch / args.warmup_epochs
    else:
        lr = args.lr * 0.5 * (1. + math.cos(math.pi * (epoch - args.warmup_epochs) / (args.epochs - args.warmup_epochs)))
    for param_group in optimizer.param_groups:
        param_group['lr'] = lr
    return lr


def adjust_moco_momentum(epoch, args):
    return 1. - 0.5 * (1. + math.cos(math.pi * epoch / args.epochs)) * (1. - args.moco_m)


def main():
    args = parser.parse_args()
    ngpus_per_node = torch.cuda.device_count()
    args.world_size = ngpus_per_node * args.world_size
    mp.spawn(main_worker, nprocs=ngpus_per_node, args=(ngpus_per_node, args))


if __name__ == '__main__':
    main()
