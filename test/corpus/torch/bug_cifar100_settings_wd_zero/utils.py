# Idiom seen in: weiaicunzai/pytorch-cifar100 utils.py
# Idiom seen in: weiaicunzai/pytorch-cifar100 train.py
# What it reproduces: the repo's helpers (network factory, warm-up scheduler) plus the usual
#   split_weights() that puts conv/linear weights in a decayed group and biases/BN in a no-decay group.
import sys

import torch
import torch.nn as nn
from torch.optim.lr_scheduler import _LRScheduler


def get_network(args):
    if args.net == 'resnet18':
        from models.resnet import resnet18
        net = resnet18()
    elif args.net == 'vgg16':
        from models.vgg import vgg16_bn
        net = vgg16_bn()
    else:
        print('the network name you have entered is not supported yet')
        sys.exit()
    if args.gpu:
        net = net.cuda()
    return net


def split_weights(net, weight_decay):
    decay, no_decay = [], []
    for m in net.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            decay.append(m.weight)
            if m.bias is not None:
                no_decay.append(m.bias)
        else:
            if hasattr(m, 'weight') and m.weight is not None:
                no_decay.append(m.weight)
            if hasattr(m, 'bias') and m.bias is not None:
                no_decay.append(m.bias)
    return [dict(params=decay, weight_decay=weight_decay), dict(params=no_decay, weight_decay=0.)]


class WarmUpLR(_LRScheduler):
    def __init__(self, optimizer, total_iters, last_epoch=-1):
        self.total_iters = total_iters
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        return [base_lr * self.last_epoch / (self.total_iters + 1e-8) for base_lr in self.base_lrs]
