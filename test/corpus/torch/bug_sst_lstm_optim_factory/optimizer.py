# Idiom seen in: shiml20/Deep-Learning-Basic-Code NLP/optimizer.py
# Idiom seen in: shiml20/Deep-Learning-Basic-Code NLP/main.py
# What it reproduces: timm-style create_optimizer: opt_args = dict(lr, weight_decay) splatted into the
# branch --opt picks (default adam): coupled L2 for Adam/RMSprop, and every branch decays the LSTM biases.
""" Optimizer factory """
import torch.optim as optim


def create_optimizer(args, model):
    opt_lower = args.opt.lower()
    weight_decay = args.weight_decay
    parameters = model.parameters()

    opt_args = dict(lr=args.lr, weight_decay=weight_decay)  # expect: WD202

    opt_split = opt_lower.split('_')
    opt_lower = opt_split[-1]
    if opt_lower == 'sgd' or opt_lower == 'nesterov':
        opt_args.pop('eps', None)
        optimizer = optim.SGD(parameters, momentum=args.momentum, nesterov=True, **opt_args)  # expect: WD203
    elif opt_lower == 'momentum':
        opt_args.pop('eps', None)
        optimizer = optim.SGD(parameters, momentum=args.momentum, nesterov=False, **opt_args)  # expect: WD203
    elif opt_lower == 'adam':
        optimizer = optim.Adam(parameters, **opt_args)  # expect: WD203
    elif opt_lower == 'adamw':
        optimizer = optim.AdamW(parameters, **opt_args)  # expect: WD203
    elif opt_lower == 'rmsprop':
        optimizer = optim.RMSprop(parameters, alpha=0.9, momentum=args.momentum, **opt_args)  # expect: WD203
    else:
        assert False and "Invalid optimizer"
    print("optimizer is", optimizer)
    return optimizer
