# Idiom seen in: nblt/DLDR utils/optim.py
# Idiom seen in: nblt/DLDR train_sgd_ddp.py
# What it reproduces: timm-style create_optimizer: with weight decay on, parameters are split into a decay group
# and a no-decay group (1-D tensors, biases, skip list) and the optimizer's own weight_decay is set to 0. Clean.
import json

import torch
from torch import optim as optim


def get_parameter_groups(model, weight_decay=1e-5, skip_list=()):
    parameter_group_names = {}
    parameter_group_vars = {}
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue  # frozen weights
        if len(param.shape) == 1 or name.endswith(".bias") or name in skip_list:
            group_name = "no_decay"
            this_weight_decay = 0.
        else:
            group_name = "decay"
            this_weight_decay = weight_decay
        if group_name not in parameter_group_names:
            parameter_group_names[group_name] = {"weight_decay": this_weight_decay, "params": []}
            parameter_group_vars[group_name] = {"weight_decay": this_weight_decay, "params": []}
        parameter_group_vars[group_name]["params"].append(param)
        parameter_group_names[group_name]["params"].append(name)
    print("Param groups = %s" % json.dumps(parameter_group_names, indent=2))
    return list(parameter_group_vars.values())


def create_optimizer(args, model, filter_bias_and_bn=True):
    opt_lower = args.opt.lower()
    weight_decay = args.weight_decay
    if weight_decay and filter_bias_and_bn:
        skip = {}
        if hasattr(model, 'no_weight_decay'):
            skip = model.no_weight_decay()
        parameters = get_parameter_groups(model, weight_decay, skip)
        weight_decay = 0.
    else:
        parameters = model.parameters()

    opt_args = dict(lr=args.lr, weight_decay=weight_decay)
    if opt_lower == 'sgd' or opt_lower == 'momentum':
        optimizer = optim.SGD(parameters, momentum=args.momentum, nesterov=False, **opt_args)
    elif opt_lower == 'nesterov':
        optimizer = optim.SGD(parameters, momentum=args.momentum, nesterov=True, **opt_args)
    elif opt_lower == 'adamw':
        optimizer = optim.AdamW(parameters, **opt_args)
    else:
        raise ValueError("Invalid optimizer %s" % args.opt)
    return optimizer
