# Idiom seen in: ModelTC/mqbench-paper prototype/optimizer/__init__.py
# What it reproduces: optim_entry(config) resolving the class by name and splatting its kwargs;
#   here the caller hands it pre-split parameter groups. Clean.
from torch.optim import SGD, RMSprop, Adadelta, Adagrad, Adam, AdamW  # noqa F401


def optim_entry(config):
    return globals()[config['type']](**config['kwargs'])
