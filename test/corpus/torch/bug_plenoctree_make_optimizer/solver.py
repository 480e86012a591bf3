# Idiom seen in: suoxinkey/PlenOctrees_NeRF-SH solver/build.py
# What it reproduces: make_optimizer(cfg, model) with Adam and cfg.SOLVER.WEIGHT_DECAY on model.parameters():
#   coupled L2 (WD202) that also decays every bias of the MLP (WD203).
import torch


def make_optimizer(cfg, model):

    weight_decay = cfg.SOLVER.WEIGHT_DECAY
    lr = cfg.SOLVER.BASE_LR

    if cfg.SOLVER.OPTIMIZER_NAME == 'Adam':
        optimizer = torch.optim.Adam(params=model.parameters(), lr=lr, betas=(0.9, 0.999), weight_decay=weight_decay)  # expect: WD202, WD203
    else:
        raise NotImplementedError(cfg.SOLVER.OPTIMIZER_NAME)

    return optimizer


def build_scheduler(optimizer, warmup_iters, start_iters, end_iters, lr_scale):
    def lr_lambda(it):
        if it < warmup_iters:
            return float(it + 1) / warmup_iters
        if it < start_iters:
            return 1.0
        if it < end_iters:
            return 1.0 - (1.0 - lr_scale) * (it - start_iters) / float(end_iters - start_iters)
        return lr_scale
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda)
