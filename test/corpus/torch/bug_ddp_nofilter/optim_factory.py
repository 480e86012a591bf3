# Idiom seen in: nblt/DLDR utils/optim.py
# Idiom seen in: nblt/DLDR train_psgd_ddp.py
# What it reproduces: the DLDR/timm optimizer factory trimmed down to "keep it like the paper's SGD": the
# get_parameter_groups split was dropped, so every branch decays all of model.parameters(), BN and biases too.
from torch import optim as optim


def create_optimizer(args, model):
    opt_lower = args.opt.lower()
    opt_args = dict(lr=args.lr, weight_decay=args.weight_decay)
    print("optimizer settings:", opt_args)

    if opt_lower == 'sgd' or opt_lower == 'momentum':
        optimizer = optim.SGD(model.parameters(), momentum=args.momentum, nesterov=False, **opt_args)  # expect: WD203
    elif opt_lower == 'nesterov':
        optimizer = optim.SGD(model.parameters(), momentum=args.momentum, nesterov=True, **opt_args)  # expect: WD203
    elif opt_lower == 'adamw':
        optimizer = optim.AdamW(model.parameters(), **opt_args)  # expect: WD203
    else:
        raise ValueError("Invalid optimizer %s" % args.opt)
    return optimizer
