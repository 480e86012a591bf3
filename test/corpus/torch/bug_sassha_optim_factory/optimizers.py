# Idiom seen in: LOG-postech/Sassha optimizers/__init__.py
# Idiom seen in: LOG-postech/Sassha image_classification/train.py
# What it reproduces: an optimizer map of configure_* factories that each take (model, args) and
#   build the optimizer over all model.parameters(); with --wd 1e-4 every bias and BN affine is decayed.
import torch.optim as optim


def configure_sgd(model, args):
    create_graph = False
    two_steps = False
    optimizer = optim.SGD(
        model.parameters(),  # expect: WD203
        lr=args.lr,
        momentum=0.9,
        weight_decay=args.weight_decay)
    return optimizer, create_graph, two_steps


def configure_adamw(model, args):
    create_graph = False
    two_steps = False
    # AdamW multiplies its decay by lr, so the script passes wd / lr
    optimizer = optim.AdamW(
        model.parameters(),  # expect: WD203
        betas=tuple(args.betas),
        lr=args.lr,
        weight_decay=args.weight_decay / args.lr)
    return optimizer, create_graph, two_steps


def get_optimizer(model, args):
    optimizer_map = {
        'adamw': configure_adamw,
        'sgd': configure_sgd,
    }
    if args.optimizer not in optimizer_map:
        raise ValueError(f"Unsupported optimizer: {args.optimizer}")
    return optimizer_map[args.optimizer](model, args)
