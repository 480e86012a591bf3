# Idiom seen in: sungyubkim/hands_on_jax utils.py
# What it reproduces: the notebook's helper module: a flax-struct Trainer holding an optax tx, haiku
#   transforms and a warm-up cosine schedule; no decay here (the L2 term is in train.py's loss): clean.
from typing import Any, Callable

import haiku as hk
import jax
import jax.numpy as jnp
import optax
from flax import struct


class Trainer(struct.PyTreeNode):
    apply_fn: Callable = struct.field(pytree_node=False)
    tx: Callable = struct.field(pytree_node=False)
    step: int
    params: Any = None
    state: Any = None
    opt_state: Any = None

    @classmethod
    def create(cls, *, apply_fn, params, tx, **kwargs):
        opt_state = tx.init(params)
        return cls(step=0, apply_fn=apply_fn, params=params, tx=tx, opt_state=opt_state, **kwargs)

    def apply_gradients(self, *, grads, **kwargs):
        updates, new_opt_state = self.tx.update(grads, self.opt_state, self.params)
        new_params = optax.apply_updates(self.params, updates)
        return self.replace(step=self.step + 1, params=new_params, opt_state=new_opt_state, **kwargs)


def make_forward_with_state(model):
    def _forward(*args, **kwargs):
        return model()(*args, **kwargs)
    return hk.transform_with_state(_forward)


def params_to_vec(param, unravel=False):
    vec_param, unravel_fn = jax.flatten_util.ravel_pytree(param)
    if unravel:
        return vec_param, unravel_fn
    return vec_param


def create_lr_sched(num_epoch, num_train, batch_size, warmup_ratio, peak_lr):
    total_step = num_epoch * (num_train // batch_size)
    warmup_step = int(total_step * warmup_ratio)
    return optax.warmup_cosine_decay_schedule(0.0, peak_lr, warmup_step, total_step, 0.0)
