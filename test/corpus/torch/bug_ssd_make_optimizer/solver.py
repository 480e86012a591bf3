# Idiom seen in: lufficc/SSD ssd/solver/build.py
# Idiom seen in: lufficc/SSD ssd/config/defaults.py
# What it reproduces: make_optimizer(cfg, model) is SGD(model.parameters(), weight_decay=cfg.SOLVER.WEIGHT_DECAY)
#   with the yacs default 5e-4 (real repo): conv biases and the L2Norm scale of the VGG-SSD head are decayed.
import torch

from lr_scheduler import WarmupMultiStepLR


def make_optimizer(cfg, model, lr=None):
    lr = cfg.SOLVER.LR if lr is None else lr
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=cfg.SOLVER.MOMENTUM, weight_decay=cfg.SOLVER.WEIGHT_DECAY)  # expect: WD203


def make_lr_scheduler(cfg, optimizer, milestones=None):
    return WarmupMultiStepLR(optimizer=optimizer,
                             milestones=cfg.SOLVER.LR_STEPS if milestones is None else milestones,
                             gamma=cfg.SOLVER.GAMMA,
                             warmup_factor=cfg.SOLVER.WARMUP_FACTOR,
                             warmup_iters=cfg.SOLVER.WARMUP_ITERS)
