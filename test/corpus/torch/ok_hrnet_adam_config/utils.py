# Idiom seen in: leoxiaobin/deep-high-resolution-net.pytorch lib/utils/utils.py
# What it reproduces: get_optimizer(cfg, model) choosing by cfg.TRAIN.OPTIMIZER; with 'adam' the model is
#   trained by Adam without any weight decay, so nothing is decayed (the 'sgd' branch does not run).
import torch.optim as optim


def get_optimizer(cfg, model):
    optimizer = None
    if cfg.TRAIN.OPTIMIZER == 'sgd':
        optimizer = optim.SGD(
            model.parameters(),
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
