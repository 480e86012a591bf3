# Idiom seen in: wenjtop/image_classification classfication/optimizer/optim_factory.py
# What it reproduces: a timm-style create_optimizer() whose no-bias-decay groups are built only
# "if weight_decay and filter_bias_and_bn"; every call passes cfg.WEIGHT_DECAY = 0.0 (or 0.0
# literally), so the decay machinery is dead code and nothing is regularized.
import torch.nn as nn
import torch.optim as optim


def param_groups_weight_decay(model: nn.Module, weight_decay=1e-5, no_weight_decay_list=()):
    no_weight_decay_list = set(no_weight_decay_list)
    decay = []
    no_decay = []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        if param.ndim <= 1 or name.endswith(".bias") or name in no_weight_decay_list:
            no_decay.append(param)
        else:
            decay.append(param)
    return [
        {'params': no_decay, 'weight_decay': 0.},
        {'params': decay, 'weight_decay': weight_decay}]


def create_optimizer(model, opt='sgd', lr=0.1, weight_decay=0., momentum=0.9, filter_bias_and_bn=True):
    if weight_decay and filter_bias_and_bn:  # expect: WD303
        parameters = param_groups_weight_decay(model, weight_decay)
        weight_decay = 0.
    else:
        parameters = model.parameters()
    opt_lower = opt.lower()
    if opt_lower == 'sgd':
        optimizer = optim.SGD(parameters, lr=lr, momentum=momentum, nesterov=True, weight_decay=weight_decay)
    elif opt_lower == 'adamw':
        optimizer = optim.AdamW(parameters, lr=lr, weight_decay=weight_decay)
    else:
        raise ValueError('unknown optimizer %s' % opt)
    return optimizer
