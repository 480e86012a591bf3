# Idiom seen in: wenjtop/image_classification classfication/optimizer/optim_factory.py; jeff52415/Tips-for-improving-your-neural-network-pytorch src/no_bias_decay.py
# What it reproduces: timm's `param_groups_weight_decay` (ndim <= 1, '.bias' and the model's no_weight_decay list
# get 'weight_decay': 0.) and a `create_optimizer(args, model)` that passes the groups with top-level decay 0 (clean).
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


def create_optimizer(args, model):
    opt_lower = args.opt.lower()
    skip = model.no_weight_decay() if hasattr(model, 'no_weight_decay') else ()
    parameters = param_groups_weight_decay(model, args.weight_decay, skip)
    opt_args = dict(lr=args.lr, weight_decay=0.)
    if opt_lower in ('sgd', 'nesterov'):
        optimizer = optim.SGD(parameters, momentum=args.momentum, nesterov=True, **opt_args)
    elif opt_lower == 'adamw':
        optimizer = optim.AdamW(parameters, betas=(0.9, 0.999), **opt_args)
    else:
        raise ValueError('Invalid optimizer: {}'.format(args.opt))
    return optimizer
