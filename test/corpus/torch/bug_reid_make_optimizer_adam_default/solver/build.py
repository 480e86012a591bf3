# Idiom seen in: ronakhb/siamese-reid solver/build.py
# What it reproduces: make_optimizer(cfg, model) builds one param group per tensor ("bias" gets
# WEIGHT_DECAY_BIAS=0) and picks the class with getattr(torch.optim, cfg.SOLVER.OPTIMIZER_NAME); the
# defaults say "Adam", so the weights group weight_decay is coupled L2 under Adam.
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
        params += [{"params": [value], "lr": lr, "weight_decay": weight_decay}]  # expect: WD202
    if cfg.SOLVER.OPTIMIZER_NAME == 'SGD':
        optimizer = getattr(torch.optim, cfg.SOLVER.OPTIMIZER_NAME)(params, momentum=cfg.SOLVER.MOMENTUM)
    else:
        optimizer = getattr(torch.optim, cfg.SOLVER.OPTIMIZER_NAME)(params)
    return optimizer
