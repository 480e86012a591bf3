# Idiom seen in: lin-honghui/tianchi_CountyAgriculturalBrain_top1 src/solver/optimizer.py
# What it reproduces: make_optimizer(cfg_optimizer, model) that pops 'type' and calls getattr(optim, type)(...).
#   Clean variant: the parameters are split into a decayed group (weights of convs/linears) and a group with
#   weight_decay 0.0 (biases, BatchNorm, 1-d tensors); the optimizer named by the config is AdamW.
from torch import optim


def split_decay_groups(model, weight_decay, no_decay_keys):
    decay, no_decay = [], []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        if param.ndim <= 1 or any(key in name for key in no_decay_keys):
            no_decay.append(param)
        else:
            decay.append(param)
    return [
        {"params": decay, "weight_decay": weight_decay},
        {"params": no_decay, "weight_decay": 0.0},
    ]


def make_optimizer(cfg_optimizer, model):
    cfg_optimizer = cfg_optimizer.copy()
    optimizer_type = cfg_optimizer.pop('type')
    weight_decay = cfg_optimizer.pop('weight_decay', 0.0)
    no_decay_keys = cfg_optimizer.pop('no_decay_keys', ["bias"])
    if hasattr(optim, optimizer_type):
        groups = split_decay_groups(model, weight_decay, no_decay_keys)
        optimizer = getattr(optim, optimizer_type)(groups, **cfg_optimizer)
        return optimizer
    raise KeyError("optimizer not found. Got {}".format(optimizer_type))


def wrapper_lr_scheduler(cfg_lr_scheduler, optimizer):
    cfg_lr_scheduler = cfg_lr_scheduler.copy()
    scheduler_type = cfg_lr_scheduler.pop('type')
    return getattr(optim.lr_scheduler, scheduler_type)(optimizer, **cfg_lr_scheduler)
