# Idiom seen in: rioyokotalab/pytorch-image-models timm/optim/optim_factory.py
# What it reproduces: timm's create_optimizer(args, model): with a non-zero weight decay the parameters
# are split by add_weight_decay (1-d tensors and biases get 0.0) and the optimizer itself gets 0.0;
# only SGD/momentum/AdamW branches, so the decay is decoupled or plain (clean).
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

    opt_split = opt_lower.split('_')
    opt_lower = opt_split[-1]
    if opt_lower == 'sgd' or opt_lower == 'nesterov':
        optimizer = optim.SGD(parameters, lr=args.lr, momentum=args.momentum, nesterov=True,
                              weight_decay=weight_decay)
    elif opt_lower == 'momentum':
        optimizer = optim.SGD(parameters, lr=args.lr, momentum=args.momentum, nesterov=False,
                              weight_decay=weight_decay)
    elif opt_lower == 'adamw':
        optimizer = optim.AdamW(parameters, lr=args.lr, weight_decay=weight_decay, eps=args.opt_eps)
    else:
        raise ValueError('Invalid optimizer %s' % args.opt)
    return optimizer
