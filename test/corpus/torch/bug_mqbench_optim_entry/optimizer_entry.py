# Idiom seen in: ModelTC/mqbench-paper prototype/optimizer/__init__.py
# What it reproduces: prototype-style optim_entry(config) that looks the optimizer class up by name
#   and splats config['kwargs'] into it; the caller's kwargs decide lr/weight_decay/params.
from torch.optim import SGD, RMSprop, Adadelta, Adagrad, Adam, AdamW  # noqa F401


def optim_entry(config):
    return globals()[config['type']](**config['kwargs'])
