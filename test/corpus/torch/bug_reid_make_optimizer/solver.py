# Idiom seen in: michuanhaohao/reid-strong-baseline solver/build.py
# What it reproduces: make_optimizer(cfg, model): one param group per tensor; tensors whose name contains
# "bias" get WEIGHT_DECAY_BIAS, everything else WEIGHT_DECAY; the class comes from getattr(torch.optim, name).
# label-note: with the defaults (Adam, WEIGHT_DECAY 5e-4) every BatchNorm weight (bn1.weight, ...,
# bottleneck.weight) has no "bias" in its name and is decayed (WD203), and the decay goes to Adam as coupled
# L2 (WD202). Both are put on the group line that carries "params" and "weight_decay".
import torch


def make_optimizer(cfg, model):
    params = []
    for key, value in model.named_parameters():
        if not value.requires_grad:
            continue
        lr = cfg.SOLVER.BASE_LR
        weight_decay = cfg.SOLVER.WEIGHT_DECAY
        if "bias" in key:
            lr = cfg.SOLVER.BASE_LR * cfg.SOLVER.BIAS_LR_FACTOR
            weight_decay = cfg.SOLVER.WEIGHT_DECAY_BIAS
        params += [{"params": [value], "lr": lr, "weight_decay": weight_decay}]  # expect: WD202, WD203
    if cfg.SOLVER.OPTIMIZER_NAME == 'SGD':
        optimizer = getattr(torch.optim, cfg.SOLVER.OPTIMIZER_NAME)(params, momentum=cfg.SOLVER.MOMENTUM)
    else:
        optimizer = getattr(torch.optim, cfg.SOLVER.OPTIMIZER_NAME)(params)
    return optimizer


class WarmupMultiStepLR(torch.optim.lr_scheduler._LRScheduler):
    def __init__(self, optimizer, milestones, gamma=0.1, warmup_factor=1.0 / 3, warmup_iters=500, last_epoch=-1):
        self.milestones = list(milestones)
        self.gamma = gamma
        self.warmup_factor = warmup_factor
        self.warmup_iters = warmup_iters
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        factor = 1
        if self.last_epoch < self.warmup_iters:
            alpha = self.last_epoch / self.warmup_iters
            factor = self.warmup_factor * (1 - alpha) + alpha
        n = sum(1 for m in self.milestones if m <= self.last_epoch)
        return [base_lr * factor * self.gamma ** n for base_lr in self.base_lrs]
