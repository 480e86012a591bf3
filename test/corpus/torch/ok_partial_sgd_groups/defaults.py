# Idiom seen in: Hunterhuan/CS386 kwargs/mnist/vgg/defaults.py
# What it reproduces: an experiment "kwargs" module holding the optimizer and scheduler as
#   functools.partial objects, bound to parameters later by the training script.
# label-note: clean. The partial's weight_decay=5e-4 only reaches the group that does not override it
#   (conv/linear weights); train.py passes groups whose 1-D group sets weight_decay 0.0.
import functools

import torch
import torch.nn as nn

from models.cifar import vgg16_bn

kwargs = {
    'model': vgg16_bn,
    'criterion': nn.CrossEntropyLoss,
    'epochs': 160,
    'batch': 128,
    'optimizer': functools.partial(torch.optim.SGD, lr=0.05, weight_decay=5e-4, momentum=0.9),
    'scheduler': functools.partial(torch.optim.lr_scheduler.CosineAnnealingLR, T_max=160),
}
