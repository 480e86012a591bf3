# Idiom seen in: asteroid-team/asteroid asteroid/engine/optimizers.py
# What it reproduces: asteroid's make_optimizer(params, optimizer='adam', **kwargs): the optimizer is looked up by
# name among the module's functions and the remaining conf keys (lr, weight_decay) are splatted into torch.optim.

from torch import optim


def make_optimizer(params, optimizer="adam", **kwargs):
    """Build an optimizer from its identifier; kwargs go to the torch.optim class."""
    return get(optimizer)(params, **kwargs)


def adam(params, lr=0.001, **kwargs):
    return optim.Adam(params, lr=lr, **kwargs)


def sgd(params, lr=0.001, **kwargs):
    return optim.SGD(params, lr=lr, **kwargs)


def rmsprop(params, lr=0.001, **kwargs):
    return optim.RMSprop(params, lr=lr, **kwargs)


def get(identifier):
    """Returns an optimizer function from a string, or its input if it is already callable."""
    if identifier is None:
        return None
    elif isinstance(identifier, optim.Optimizer):
        return identifier
    elif isinstance(identifier, str):
        cls = globals().get(identifier)
        if cls is None:
            raise ValueError("Could not interpret optimizer identifier: " + str(identifier))
        return cls
    raise ValueError("Could not interpret optimizer identifier: " + str(identifier))
