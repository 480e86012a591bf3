# Idiom seen in: oswinso/og src/og/networks/optim.py
# Idiom seen in: oswinso/og src/og/train_state.py
# What it reproduces: og's optimizer helpers: optax.adamw with a traverse_util mask that leaves "bias" and
#   LayerNorm "scale" out, wrapped in optax.inject_hyperparams so lr and wd can be scheduled: clean.
import functools as ft

import jax.numpy as jnp
import optax
from flax import traverse_util
from loguru import logger


def wd_mask(params):
    flat_params = traverse_util.flatten_dict(params)
    # Apply weight decay to all parameters except biases and LayerNorm scale and bias.
    flat_mask = {path: (path[-1] != "bias" and path[-2:] != ("LayerNorm", "scale")) for path in flat_params}
    return traverse_util.unflatten_dict(flat_mask)


def get_default_tx(lr, wd=1e-4, eps=1e-5, b1=0.9, b2=0.999, hide_nans=True):
    def optim_(learning_rate, wd, eps, hide_nans):
        opt = optax.adamw(learning_rate, b1=b1, b2=b2, eps=eps, weight_decay=wd, mask=wd_mask)
        if hide_nans:
            logger.info("Using apply_if_finite in optimizer to hide NaNs!")
            opt = optax.apply_if_finite(opt, 500)
        return opt

    return optax.inject_hyperparams(ft.partial(optim_, hide_nans=hide_nans))(learning_rate=lr, wd=wd, eps=eps)


def lr_schedule(peak, warmup_steps, total_steps):
    return optax.warmup_cosine_decay_schedule(
        init_value=0.0, peak_value=peak, warmup_steps=warmup_steps, decay_steps=total_steps,
        end_value=jnp.asarray(peak * 0.05),
    )
