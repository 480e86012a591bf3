# Idiom seen in: leedongzheo/pipeline_model optimizer.py
# What it reproduces: segmentation pipeline whose optimizer module does `from config import *` and builds Adam or SGD
# from module constants; the decay constant is typed 5e+2 for 5e-4, so plain SGD has lr*wd = 5 (WD301); the Adam
# branch is coupled L2 (WD202) and both decay all parameters (WD203). The typo is a realistic user mistake, written here.
from config import *


def optimizer(model, args):
    if args.optimizer == "Adam":
        optimizer = Adam(model.parameters(), lr=lr0, weight_decay=weight_decay)  # expect: WD202, WD203
        return optimizer
    elif args.optimizer == "SGD":
        optimizer = SGD(model.parameters(), lr=lr0, weight_decay=weight_decay)  # expect: WD203
        return optimizer
    raise ValueError(args.optimizer)
