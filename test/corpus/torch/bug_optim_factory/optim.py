# Idiom seen in: HuipengHuang/regression_conditional_tuning_bias trainers/utils.py; jamie-stephenson/jet optimizers/sgd.py
# What it reproduces: an optimizer factory `get_optimizer(args, net)` that passes `net.parameters()` and
# `args.weight_decay` straight through: both branches decay biases/LayerNorm, and the Adam one is coupled L2.
# label-note: the adam branch runs only with --optimizer adam; it is reported because the path exists and the
# weight_decay default (1e-4 in train.py) is > 0.
import torch


def get_optimizer(args, net):
    if args.optimizer == 'sgd':
        optimizer = torch.optim.SGD(net.parameters(), lr=args.learning_rate, momentum=args.momentum,  # expect: WD203
                                    weight_decay=args.weight_decay)
    elif args.optimizer == 'adam':
        optimizer = torch.optim.Adam(net.parameters(), lr=args.learning_rate, weight_decay=args.weight_decay)  # expect: WD202, WD203
    else:
        raise NotImplementedError(args.optimizer)
    return optimizer
