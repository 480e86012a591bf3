# Idiom seen in: Applesoups/clear_avalanche_mmlab tools/build_cl_strategy.py
# What it reproduces: the optimizer is looked up by name from the config and built with
# optim_cfg['params'] = model.parameters(); with the config's weight_decay=0.0 nothing is decayed.
import copy

from torch import optim
from torch.optim import lr_scheduler


def build_optimizer_and_scheduler(cfg_strategy, model):
    cl_strategy = copy.deepcopy(cfg_strategy)
    optim_cfg = cl_strategy.pop('optimizer')
    optimizer_type = getattr(optim, optim_cfg.pop('type'))
    optim_cfg['params'] = model.parameters()
    optimizer = optimizer_type(**optim_cfg)

    scheduler_cfg = cl_strategy.pop('scheduler')
    scheduler_type = getattr(lr_scheduler, scheduler_cfg.pop('type'))
    scheduler = scheduler_type(optimizer=optimizer, **scheduler_cfg)
    return optimizer, scheduler, cl_strategy
