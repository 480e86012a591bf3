# Idiom seen in: ZhichaoDuan/GaitRecognition solver/build.py
# What it reproduces: make_optimizer with one group per tensor (bias names would get WEIGHT_DECAY_BIAS) and the class
#   looked up in torch.optim by name; with SGD and a bias-free, norm-free SetNet every decayed tensor is a weight (clean).
import torch.optim as optim


def make_optimizer(cfg, model):
    params = []
    for k, v in model.named_parameters():
        if not v.requires_grad:
            continue
        lr = cfg.SOLVER.BASE_LR
        weight_decay = cfg.SOLVER.WEIGHT_DECAY
        if "bias" in k:
            lr = cfg.SOLVER.BASE_LR * cfg.SOLVER.BIAS_LR_FACTOR
            weight_decay = cfg.SOLVER.WEIGHT_DECAY_BIAS
        params += [{"params": [v], "lr": lr, "weight_decay": weight_decay}]
    if cfg.SOLVER.OPTIMIZER_NAME == 'SGD':
        optimizer = getattr(optim, cfg.SOLVER.OPTIMIZER_NAME)(params, momentum=cfg.SOLVER.MOMENTUM)
    else:
        optimizer = getattr(optim, cfg.SOLVER.OPTIMIZER_NAME)(params)
    return optimizer
