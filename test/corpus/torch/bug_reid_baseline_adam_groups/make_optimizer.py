# Idiom seen in: occludedReIDICCV/HolisitcGuidanceOccReID solver/make_optimizer.py
# Idiom seen in: occludedReIDICCV/HolisitcGuidanceOccReID config/configs.py
# What it reproduces: reid-strong-baseline style optimizer: one param group per parameter, biases get
# WEIGHT_DECAY_BIAS (non-zero) and BN weights WEIGHT_DECAY, class looked up by cfg.OPTIMIZER = "Adam":
# coupled L2 under Adam on every group, biases and BN params decayed too.
import torch


def make_optimizer(cfg, model):
    groups = []
    for key, value in model.named_parameters():
        if not value.requires_grad:
            continue
        lr = cfg.BASE_LR
        weight_decay = cfg.WEIGHT_DECAY
        if "bias" in key:
            lr = cfg.BASE_LR * cfg.BIAS_LR_FACTOR
            weight_decay = cfg.WEIGHT_DECAY_BIAS
        groups += [{"params": [value], "lr": lr, "weight_decay": weight_decay}]  # expect: WD202, WD203
    if cfg.OPTIMIZER == 'SGD':
        optimizer = getattr(torch.optim, cfg.OPTIMIZER)(groups, momentum=cfg.MOMENTUM)
    else:
        optimizer = getattr(torch.optim, cfg.OPTIMIZER)(groups)
    return optimizer
