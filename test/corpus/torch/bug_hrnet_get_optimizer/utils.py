# Idiom seen in: leoxiaobin/deep-high-resolution-net.pytorch lib/utils/utils.py
# What it reproduces: get_optimizer(cfg, model) whose 'sgd' branch decays model.parameters() with
#   cfg.TRAIN.WD: the HRNet's many BatchNorm scales and shifts are decayed like the conv kernels.
import torch.optim as optim


def get_optimizer(cfg, model):
    optimizer = None
    if cfg.TRAIN.OPTIMIZER == 'sgd':
        optimizer = optim.SGD(
            model.parameters(),  # expect: WD203
            lr=cfg.TRAIN.LR,
            momentum=cfg.TRAIN.MOMENTUM,
            weight_decay=cfg.TRAIN.WD,
            nesterov=cfg.TRAIN.NESTEROV
        )
    elif cfg.TRAIN.OPTIMIZER == 'adam':
        optimizer = optim.Adam(
            model.parameters(),
            lr=cfg.TRAIN.LR
        )
    return optimizer
