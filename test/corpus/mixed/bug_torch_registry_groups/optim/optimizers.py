# Idiom seen in: ZJCV/ZCls zcls/optim/optimizers/sgd.py and adam.py
# What it reproduces: registered optimizer builders that receive the parameter groups from build.py and read lr / momentum / decay from the yacs cfg. The ADAM builder passes weight_decay to torch.optim.Adam: coupled L2 that Adam rescales (WD202). Groups already keep biases and norm params at 0.
import torch.optim as optim

from optim.registry import OPTIMIZERS


@OPTIMIZERS.register('SGD')
def build_sgd(cfg, groups):
    lr = cfg.OPTIMIZER.LR
    weight_decay = cfg.OPTIMIZER.WEIGHT_DECAY.DECAY
    momentum = cfg.OPTIMIZER.MOMENTUM
    return optim.SGD(groups, lr=lr, momentum=momentum, weight_decay=weight_decay)


@OPTIMIZERS.register('ADAM')
def build_adam(cfg, groups):
    lr = cfg.OPTIMIZER.LR
    weight_decay = cfg.OPTIMIZER.WEIGHT_DECAY.DECAY
    return optim.Adam(groups, lr=lr,
                      weight_decay=weight_decay)  # expect: WD202
