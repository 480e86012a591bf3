# Idiom seen in: GestaltCogTeam/BasicTS basicts/runners/optim/builder.py
# What it reproduces: build_optim resolves optim_cfg['TYPE'] by name (torch.optim first, then the
# project's own optimizers) and calls it with model.parameters() and **optim_cfg['PARAM'].
from typing import Dict

from torch import nn, optim
from torch.optim import lr_scheduler

import optimizers as basicts_optim


def build_optim(optim_cfg: Dict, model: nn.Module) -> optim.Optimizer:
    if isinstance(optim_cfg['TYPE'], type):
        optim_type = optim_cfg['TYPE']
    else:
        if hasattr(optim, optim_cfg['TYPE']):
            optim_type = getattr(optim, optim_cfg['TYPE'])
        else:
            optim_type = getattr(basicts_optim, optim_cfg['TYPE'])
    optim_param = optim_cfg['PARAM'].copy()
    optimizer = optim_type(model.parameters(), **optim_param)
    return optimizer


def build_lr_scheduler(lr_scheduler_cfg: Dict, optimizer: optim.Optimizer):
    scheduler_type = getattr(lr_scheduler, lr_scheduler_cfg['TYPE'])
    scheduler_param = lr_scheduler_cfg['PARAM'].copy()
    scheduler_param['optimizer'] = optimizer
    return scheduler_type(**scheduler_param)
