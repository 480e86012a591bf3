# Idiom seen in: jeya-maria-jose/Medical-Transformer lib/build_optimizer.py (build_optimizer(args, model) -> optim.SGD(model.parameters(), ..., weight_decay=args.weight_decay)) and train.py (torch.optim.Adam(list(model.parameters()), ..., weight_decay=1e-5))
# What it reproduces: the factory lives apart from the script and reads everything from `args`; both branches decay all of model.parameters() (conv biases, BatchNorm affine: WD203), and the default 'adam' branch is coupled L2 (WD202).
import torch.optim as optim


def build_optimizer(args, model):
    if args.optim == 'sgd':
        optimizer = optim.SGD(model.parameters(), lr=args.learning_rate,  # expect: WD203
                              momentum=args.momentum,
                              weight_decay=args.weight_decay,
                              nesterov=args.nesterov)
    elif args.optim == 'adam':
        optimizer = optim.Adam(list(model.parameters()), lr=args.learning_rate,  # expect: WD203
                               weight_decay=args.weight_decay)  # expect: WD202
    else:
        raise AssertionError('unknown optimizer %s' % args.optim)
    return optimizer
