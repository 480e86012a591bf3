# Idiom seen in: wolny/pytorch-3dunet pytorch3dunet/unet3d/utils.py
# Idiom seen in: wolny/pytorch-3dunet pytorch3dunet/unet3d/trainer.py
# What it reproduces: create_optimizer(optimizer_config, model) reading the decay with
#   optimizer_config.get('weight_decay', 0); the run's config has no weight_decay, so Adam gets 0:
#   no coupled L2 and nothing decayed. Clean (the keyword is there, the value is zero).
import importlib
import logging

from torch import optim


def get_logger(name, level=logging.INFO):
    logger = logging.getLogger(name)
    logger.setLevel(level)
    return logger


def create_optimizer(optimizer_config, model):
    learning_rate = optimizer_config['learning_rate']
    weight_decay = optimizer_config.get('weight_decay', 0)
    betas = tuple(optimizer_config.get('betas', (0.9, 0.999)))
    optimizer = optim.Adam(model.parameters(), lr=learning_rate, betas=betas, weight_decay=weight_decay)
    return optimizer


def create_lr_scheduler(lr_config, optimizer):
    if lr_config is None:
        return None
    lr_config = dict(lr_config)
    class_name = lr_config.pop('name')
    m = importlib.import_module('torch.optim.lr_scheduler')
    clazz = getattr(m, class_name)
    lr_config['optimizer'] = optimizer
    return clazz(**lr_config)
