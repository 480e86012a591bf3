# Idiom seen in: HuipengHuang/regression_conditional_tuning_bias trainers/utils.py; gianlucapagliara/Benchmark-Analysis-of-Speaker-Recognition-Techniques graphs/optimizers/adam.py
# What it reproduces: an optimizer factory that forwards `args.weight_decay` to Adam; with this project's default of
# 0.0 the optimizer adds no decay, so the explicit penalty from utils is the only one (clean).
# label-note: train.py's --weight_decay default is 0.0, so no WD202/WD203 here and no WD201 with the utils penalty.
import torch


def make_optimizer(args, model):
    return torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
