# Idiom seen in: TD-4/DAO core/modules/optims/sgd_warmup_bias_bn_weight.py
# Idiom seen in: TD-4/DAO core/modules/register.py
# What it reproduces: an optimizer registered in a Registers table and built from a config dict: SGD over
# three groups (BN weights no decay, conv/linear weights with weight_decay, biases no decay): clean.
import torch.nn as nn
from torch.optim import SGD

from register import Registers


@Registers.optims.register
def sgd_warmup_bias_bn_weight(model=None, lr=0.01, weight_decay=1e-4, momentum=0.9, warmup_lr=0, warmup_epoch=5):
    if warmup_epoch > 0:
        lr = warmup_lr
    pg0, pg1, pg2 = [], [], []  # optimizer parameter groups
    for k, v in model.named_modules():
        if hasattr(v, "bias") and isinstance(v.bias, nn.Parameter):
            pg2.append(v.bias)  # biases
        if isinstance(v, nn.BatchNorm2d) or "bn" in k:
            pg0.append(v.weight)  # no decay
        elif hasattr(v, "weight") and isinstance(v.weight, nn.Parameter):
            pg1.append(v.weight)  # apply decay

    optimizer = SGD(pg0, lr=lr, momentum=momentum, nesterov=True)
    optimizer.add_param_group({"params": pg1, "weight_decay": weight_decay})  # add pg1 with weight_decay
    optimizer.add_param_group({"params": pg2})
    return optimizer
