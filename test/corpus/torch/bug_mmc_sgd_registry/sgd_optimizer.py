# Idiom seen in: NeurAI-Lab/MMC od/solver/sgd_optimizer.py
# What it reproduces: SSD-style detector solver registry; SGD_optimizer(cfg, model) builds momentum SGD over
#   all model.parameters() with cfg.SOLVER.WEIGHT_DECAY (yacs default 5e-4), so the BatchNorm weights and
#   every bias of the backbone and heads are decayed too (no no-decay group), as in the repository.
import torch

from od.solver import registry


@registry.SOLVERS.register('SGD_optimizer')
def SGD_optimizer(cfg, model, lr=None):
    lr = cfg.SOLVER.BASE_LR if lr is None else lr
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=cfg.SOLVER.MOMENTUM,  # expect: WD203
                           weight_decay=cfg.SOLVER.WEIGHT_DECAY)
