# Idiom seen in: xlnwel/grl2-jax jx/elements/optimizer.py
# Idiom seen in: xlnwel/grl2-jax algo/masac/elements/trainer.py
# What it reproduces: build_optimizer() guards optax.add_decayed_weights behind `if weight_decay:`, but
#   every config hands it weight_decay=0 or None (as all of the repo configs do), so the decay is dead code.
import collections
import logging

import jax
import optax

logger = logging.getLogger(__name__)


def select_optimizer(name):
    if isinstance(name, str):
        return getattr(optax, name.lower())
    return name


def chain(*args: optax.GradientTransformation, name: str) -> optax.GradientTransformation:
    init_fns, update_fns = zip(*args)
    NamedTuple = collections.namedtuple(name, [a.init.__qualname__.split(".", 1)[0] for a in args])

    def init_fn(params):
        return NamedTuple(*[fn(params) for fn in init_fns])

    def update_fn(updates, state, params=None):
        new_state = []
        for s, fn in zip(state, update_fns):
            updates, new_s = fn(updates, s, params)
            new_state.append(new_s)
        return updates, NamedTuple(*new_state)

    return optax.GradientTransformation(init_fn, update_fn)


def build_optimizer(*, params=None, opt_name="adam", lr, clip_norm: float = None,
                    weight_decay: float = None, name: str, **opt_kwargs):
    opts = []
    if weight_decay:  # expect: WD303
        opts.append(optax.add_decayed_weights(weight_decay))
    if clip_norm:
        opts.append(optax.clip_by_global_norm(clip_norm))
    opts.append(select_optimizer(opt_name)(lr, **opt_kwargs))
    opt = chain(*opts, name=name)
    if params is not None:
        return opt, opt.init(params)
    return opt


def optimize(loss_fn, params, state, kwargs, opt, name=None):
    grads, stats = jax.grad(loss_fn, has_aux=True)(params, **kwargs)
    updates, state = opt.update(grads, state, params)
    params = optax.apply_updates(params, updates)
    stats[f"{name}/total_grads/norm"] = optax.global_norm(grads)
    return params, state, stats
