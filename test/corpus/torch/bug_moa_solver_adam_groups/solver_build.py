# Idiom seen in: COMAveJoe/MOA_Baseline solver/build.py
# What it reproduces: make_optimizer gives every tensor its own group with WEIGHT_DECAY (WEIGHT_DECAY_BIAS=0 for "bias"
#   names). The repo's Adam branch used model.parameters() and ignored the groups; the user's "fix" hands the groups to
#   Adam (the configured optimizer): coupled L2, and the BatchNorm1d weights (no "bias" in their names) are decayed too.
import torch


def make_optimizer(cfg, model):
    params = []
    optimizer = None
    lr = 0

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
        optimizer = torch.optim.SGD(params, lr, momentum=cfg.SOLVER.MOMENTUM)
    elif cfg.SOLVER.OPTIMIZER_NAME == 'Adam':
        # used to be Adam(model.parameters(), lr): WEIGHT_DECAY was never applied
        optimizer = torch.optim.Adam(params, lr)
    return optimizer
