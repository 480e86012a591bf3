# Idiom seen in: facebookresearch/pycls pycls/core/optimizer.py
# What it reproduces: construct_optimizer(model): custom BN decay groups only when the config asks for
#   them; with the default config the else-branch hands model.parameters() to SGD with
#   cfg.OPTIM.WEIGHT_DECAY, decaying every BatchNorm and bias (the repository's default behaviour).
import numpy as np
import torch

from pycls.core.config import cfg


def construct_optimizer(model):
    if cfg.BN.USE_CUSTOM_WEIGHT_DECAY:
        p_bn = [p for n, p in model.named_parameters() if "bn" in n]
        p_non_bn = [p for n, p in model.named_parameters() if "bn" not in n]
        optim_params = [
            {"params": p_bn, "weight_decay": cfg.BN.CUSTOM_WEIGHT_DECAY},
            {"params": p_non_bn, "weight_decay": cfg.OPTIM.WEIGHT_DECAY},
        ]
    else:
        optim_params = model.parameters()
    return torch.optim.SGD(optim_params,  # expect: WD203
                           lr=cfg.OPTIM.BASE_LR,
                           momentum=cfg.OPTIM.MOMENTUM,
                           weight_decay=cfg.OPTIM.WEIGHT_DECAY,
                           dampening=cfg.OPTIM.DAMPENING,
                           nesterov=cfg.OPTIM.NESTEROV)


def lr_fun_cos(cur_epoch):
    return 0.5 * (1.0 + np.cos(np.pi * cur_epoch / cfg.OPTIM.MAX_EPOCH))


def get_epoch_lr(cur_epoch):
    return lr_fun_cos(cur_epoch) * cfg.OPTIM.BASE_LR


def set_lr(optimizer, new_lr):
    for param_group in optimizer.param_groups:
        param_group["lr"] = new_lr
