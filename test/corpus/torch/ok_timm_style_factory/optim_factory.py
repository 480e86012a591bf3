# Idiom seen in: dalin477/EfficientNet-pytorch timm/optim/optim_factory.py
# What it reproduces: timm's legacy factory: add_weight_decay() moves 1-D params, biases and the model's
#   no_weight_decay() names into a 0.0 group, then rebinds weight_decay = 0. so the optimizer-level
#   default cannot touch them; only the SGD/momentum/AdamW branches are kept.
# label-note: clean. Decay reaches only the >=2-D weights; no Adam/RMSprop branch; no penalty.
import torch.nn as nn
import torch.optim as optim


def add_weight_decay(model, weight_decay=1e-5, skip_list=()):
    decay = []
    no_decay = []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue  # frozen weights
        if len(param.shape) == 1 or name.endswith(".bias") or name in skip_list:
            no_decay.append(param)
        else:
            decay.append(param)
    return [
        {'params': no_decay, 'weight_decay': 0.},
        {'params': decay, 'weight_decay': weight_decay}]


def create_optimizer(args, model, filter_bias_and_bn=True):
    opt_lower = args.opt.lower()
    weight_decay = args.weight_decay
    if weight_decay and filter_bias_and_bn:
        skip = {}
        if hasattr(model, 'no_weight_decay'):
            skip = model.no_weight_decay()
        parameters = add_weight_decay(model, weight_decay, skip)
        weight_decay = 0.
    else:
        parameters = model.parameters()

    opt_args = dict(lr=args.lr, weight_decay=weight_decay)
    if opt_lower == 'sgd' or opt_lower == 'nesterov':
        optimizer = optim.SGD(parameters, momentum=args.momentum, nesterov=True, **opt_args)
    elif opt_lower == 'momentum':
        optimizer = optim.SGD(parameters, momentum=args.momentum, nesterov=False, **opt_args)
    elif opt_lower == 'adamw':
        optimizer = optim.AdamW(parameters, eps=args.opt_eps, **opt_args)
    else:
        raise ValueError('Invalid optimizer: %s' % args.opt)
    return optimizer
