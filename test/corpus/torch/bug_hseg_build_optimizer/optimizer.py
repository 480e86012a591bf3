# Idiom seen in: HaiwenZhang/HSegmentation optimizer.py
# What it reproduces: a yacs-like config object feeding build_optimizer(config, model); the real repo
# built SGD without decay, here the user added weight_decay to one group of all parameters (BN and biases decay too).
import torch
from torch.nn import parameter


def build_optimizer(config, model):
    optimizer = torch.optim.SGD(model.parameters(),  # expect: WD203
                                lr=config.TRAIN.base_lr,
                                momentum=config.TRAIN.momentum,
                                weight_decay=config.TRAIN.weight_decay)
    return optimizer
