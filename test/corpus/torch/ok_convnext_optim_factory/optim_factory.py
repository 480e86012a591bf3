# Idiom seen in: facebookresearch/ConvNeXt optim_factory.py
# What it reproduces: get_parameter_groups puts every 1-D parameter (biases, LayerNorm weights) and any
# skip-listed name into a weight_decay 0.0 group; create_optimizer builds AdamW on those groups. Clean.
import torch
from torch import optim as optim


def get_parameter_groups(model, weight_decay=1e-5, skip_list=()):
    parameter_group_names = {}
    parameter_group_vars = {}
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
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
    return list(parameter_group_vars.values())


def create_optimizer(args, model, skip_list=None):
    weight_decay = args.weight_decay
    skip = set(skip_list or ())
    if hasattr(model, 'no_weight_decay'):
        skip |= set(model.no_weight_decay())
    parameters = get_parameter_groups(model, weight_decay, skip)
    opt_args = dict(lr=args.lr, weight_decay=0.)
    if args.opt_eps is not None:
        opt_args['eps'] = args.opt_eps
    return optim.AdamW(parameters, **opt_args)
