# Idiom seen in: zahsa/ESSL essl/optimizers.py
# What it reproduces: optimizer factories picked by name (optimizers.__dict__[opt]); both decay every parameter of the
# fine-tuned model (biases, BN) and the default "Adam" one uses coupled L2 weight_decay: the repo's own code.
from torch import optim


def SGD(model, lr=0.1, momentum=0.9, weight_decay=5e-4):
    return optim.SGD(
        model.parameters(),  # expect: WD203
        lr=lr,
        momentum=momentum,
        weight_decay=weight_decay
    )


def Adam(model, lr=0.001, weight_decay=0.0005):
    return optim.Adam(
        model.parameters(),  # expect: WD203
        lr=lr,
        weight_decay=weight_decay  # expect: WD202
    )
