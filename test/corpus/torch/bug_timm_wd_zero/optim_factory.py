# Idiom seen in: rioyokotalab/pytorch-image-models timm/optim/optim_factory.py
# What it reproduces: timm's add_weight_decay + create_optimizer: the no-bias/no-norm groups are built
# only under `if weight_decay and filter_bias_and_bn:`; every call in this program passes 0.0, so the
# whole decay path is dead code.
import torch
from torch import optim as optim


def add_weight_decay(model, weight_decay=1e-5, skip_list=()):
    decay = []
    no_decay = []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        if len(param.shape) == 1 or name.endswith(".bias") or name in skip_list:
            no_decay.append(param)
        else:
            decay.append(param)
    return [
        {'params': no_decay, 'weight_decay': 0.},
        {'params': decay, 'weight_decay': weight_decay}]


def create_optimizer(model, opt, lr, weight_decay=0., momentum=0.9, filter_bias_and_bn=True):
    opt_lower = opt.lower()
    if weight_decay and filter_bias_and_bn:  # expect: WD303
        skip = {}
        if hasattr(model, 'no_weight_decay'):
            skip = model.no_weight_decay()
        parameters = add_weight_decay(model, weight_decay, skip)
        weight_decay = 0.
    else:
        parameters = model.parameters()

    if opt_lower == 'sgd' or opt_lower == 'nesterov':
        optimizer = optim.SGD(parameters, lr=lr, momentum=momentum, nesterov=True, weight_decay=weight_decay)
    elif opt_lower == 'momentum':
        optimizer = optim.SGD(parameters, lr=lr, momentum=momentum, nesterov=False, weight_decay=weight_decay)
    elif opt_lower == 'adamw':
        optimizer = optim.AdamW(parameters, lr=lr, weight_decay=weight_decay)
    else:
        raise ValueError('Invalid optimizer %s' % opt)
    return optimizer
