# Idiom seen in: HuipengHuang/regression_conditional_tuning_bias trainers/utils.py (net built elsewhere, passed to the factory)
# What it reproduces: a models package with a `build_model(args)` entry point.
from .mlp import ResMLP


def build_model(args):
    return ResMLP(args.in_features, args.hidden, args.num_outputs, depth=args.depth)
