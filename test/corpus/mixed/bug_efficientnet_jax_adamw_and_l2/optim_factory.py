# Idiom seen in: rwightman/efficientnet-jax train_configs/default.py
# Idiom seen in: rwightman/efficientnet-jax jeffnet/common/optim/optim_factory.py
# Idiom seen in: rwightman/efficientnet-jax tf_linen_train.py
# What it reproduces: the repo keeps an explicit L2 penalty (config.weight_decay) in loss_fn and keeps
# optimizer decay at 0 for rmsproptf; here the user switches config.opt to 'adamw' with opt_weight_decay
# 0.05 and leaves the loss penalty on: kernels are decayed twice, and AdamW (no mask) decays BN/bias too.
import optax


def _rename(kwargs, originals, new):
    for o, n in zip(originals, new):
        o = kwargs.pop(o, None)
        if o is not None:
            kwargs[n] = o


def _erase(kwargs, names):
    for u in names:
        kwargs.pop(u, None)


def create_optax_optim(name, learning_rate=None, momentum=0.9, weight_decay=0, **kwargs):
    """ Optimizer Factory

    weight_decay (float): weight decay to apply to all params, not applied if 0
    """
    name = name.lower()
    opt_args = dict(learning_rate=learning_rate, **kwargs)
    _rename(opt_args, ('beta1', 'beta2'), ('b1', 'b2'))
    if name in ('sgd', 'momentum', 'nesterov'):
        _erase(opt_args, ('eps', 'b1', 'b2'))
        optimizer = optax.sgd(momentum=None if name == 'sgd' else momentum, nesterov=name == 'nesterov', **opt_args)
    elif name == 'adam':
        optimizer = optax.adam(**opt_args)
    elif name == 'adamw':
        optimizer = optax.adamw(weight_decay=weight_decay, **opt_args)  # expect: WD203
    elif name == 'rmsproptf':
        _erase(opt_args, ('b1',))
        _rename(opt_args, ('b2',), ('decay',))
        optimizer = optax.rmsprop(momentum=momentum, initial_scale=1.0, **opt_args)
    else:
        assert False, f"Invalid optimizer name specified ({name})"
    return optimizer
