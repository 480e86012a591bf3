# Idiom seen in: DingXiaoH/RepVGG train/optimizer.py
# What it reproduces: the plain Swin-style set_weight_decay: every tensor with ndim > 1 decays, which
#   includes the RepVGG branch kernels that the model's custom L2 already penalizes (see main.py).
from torch import optim as optim


def build_optimizer(config, model):
    parameters = set_weight_decay(model)
    opt_lower = config['OPTIMIZER'].lower()
    optimizer = None
    if opt_lower == 'sgd':
        optimizer = optim.SGD(parameters, momentum=config['MOMENTUM'], nesterov=True,
                              lr=config['BASE_LR'], weight_decay=config['WEIGHT_DECAY'])
    elif opt_lower == 'adamw':
        optimizer = optim.AdamW(parameters, eps=1e-8, betas=(0.9, 0.999),
                                lr=config['BASE_LR'], weight_decay=config['WEIGHT_DECAY'])
    return optimizer


def set_weight_decay(model, skip_list=(), skip_keywords=()):
    has_decay = []
    no_decay = []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        if len(param.shape) == 1 or name.endswith(".bias") or (name in skip_list) or \
                any(k in name for k in skip_keywords):
            no_decay.append(param)
        else:
            has_decay.append(param)
    return [{'params': has_decay},
            {'params': no_decay, 'weight_decay': 0.}]
