# Idiom seen in: zhanghang1989/ResNeSt scripts/torch/train.py
# Idiom seen in: zhanghang1989/ResNeSt resnest/torch/config.py
# What it reproduces: the DISABLE_BN_WD split by parameter name ('bn' in n or 'bias' in n); the names of
# the stem BatchNorms (conv1.1, conv1.4) and of every downsample BatchNorm (downsample.2) contain no
# "bn", so their scales stay in the group decayed with WEIGHT_DECAY.
import argparse

import torch
import torch.nn as nn
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel

from config import get_cfg
from resnet import ResNet
from datasets import get_imagenet_loaders  # ImageNet pipeline, not part of this workspace


def main_worker(gpu, ngpus_per_node, args, cfg):
    args.gpu = gpu
    args.rank = args.rank * ngpus_per_node + gpu
    dist.init_process_group(backend='nccl', init_method=args.dist_url, world_size=args.world_size, rank=args.rank)
    torch.cuda.set_device(args.gpu)

    train_loader, val_loader, train_sampler = get_imagenet_loaders(cfg, args)
    model = ResNet(layers=(3, 4, 6, 3), num_classes=1000)
    criterion = nn.CrossEntropyLoss(label_smoothing=cfg.DATA.LABEL_SMOOTHING)
    model.cuda(args.gpu)
    criterion.cuda(args.gpu)
    model = DistributedDataParallel(model, device_ids=[args.gpu])

    # criterion and optimizer
    parameters = model.named_parameters()
    param_dict = {}
    for k, v in parameters:
        param_dict[k] = v
    bn_params = [v for n, v in param_dict.items() if ('bn' in n or 'bias' in n)]
    rest_params = [v for n, v in param_dict.items() if not ('bn' in n or 'bias' in n)]
    if args.gpu == 0:
        print(" Weight decay NOT applied to BN parameters ")
        print(f'len(parameters): {len(list(model.parameters()))} = {len(bn_params)} + {len(rest_params)}')
    optimizer = torch.optim.SGD([{'params': bn_params, 'weight_decay': 0},
                                 {'params': rest_params, 'weight_decay': cfg.OPTIMIZER.WEIGHT_DECAY}],  # expect: WD203
                                lr=cfg.OPTIMIZER.LR,
                                momentum=cfg.OPTIMIZER.MOMENTUM,
                                weight_decay=cfg.OPTIMIZER.WEIGHT_DECAY)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg.TRAINING.EPOCHS)

    for epoch in range(cfg.TRAINING.EPOCHS):
        train_sampler.set_epoch(epoch)
        model.train()
        for i, (data, target) in enumerate(train_loader):
            data, target = data.cuda(args.gpu, non_blocking=True), target.cuda(args.gpu, non_blocking=True)
            optimizer.zero_grad()
            output = model(data)
            loss = criterion(output, target)
            loss.backward()
            optimizer.step()
            if i % 100 == 0 and args.gpu == 0:
                print('Epoch: %d | Batch: %d | Loss: %.3f' % (epoch, i, loss.item()))
        scheduler.step()
        if args.gpu == 0:
            torch.save({'epoch': epoch, 'state_dict': model.module.state_dict()}, 'checkpoint.pth.tar')


def main():
    parser = argparse.ArgumentParser(description='ResNeSt Training')
    parser.add_argument('--world-size', default=1, type=int)
    parser.add_argument('--rank', default=0, type=int)
    parser.add_argument('--dist-url', default='tcp://localhost:23456', type=str)
    args = parser.parse_args()
    cfg = get_cfg()
    ngpus_per_node = torch.cuda.device_count()
    args.world_size = ngpus_per_node * args.world_size
    torch.multiprocessing.spawn(main_worker, nprocs=ngpus_per_node, args=(ngpus_per_node, args, cfg))


if __name__ == '__main__':
    main()
