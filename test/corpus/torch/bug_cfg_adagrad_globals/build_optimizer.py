# Idiom seen in: PANPEIWEN/Infrared-Small-Target-Detection-Segmentation-Framework build/build_optimizer.py
# What it reproduces: star-import of torch.optim and a lookup of the optimizer class in globals() by the
#   config's type string; all model parameters, no groups.
from torch.optim import *

__all__ = ['build_optimizer', 'Adagrad', 'Adadelta', 'Adam', 'AdamW', 'Adamax', 'RMSprop', 'SGD']


def build_optimizer(model, cfg):
    optimizer_name = cfg.optimizer['type']
    optimizer_class = globals()[optimizer_name]
    return optimizer_class(model.parameters(), **cfg.optimizer['setting'])
