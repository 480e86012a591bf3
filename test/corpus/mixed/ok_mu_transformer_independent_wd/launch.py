# Idiom seen in: lucaslingle/mu_transformer mu_transformer/jax_impl/launch.py
# What it reproduces: "independent" weight decay: per-matrix muP Adam learning rates (their adamw
# weight_decay set to 0.0), then add_decayed_weights(-lr * wd) AFTER the learning-rate step, where
# the negative factor is the right sign (w += -lr*wd*w), then the shared schedule. The mask keeps it
# on weight matrices only.
import jax
import optax
from flax import traverse_util

from config import get_config

CONFIG = get_config()


def param_label_fn(params):
    flat = traverse_util.flatten_dict(params)
    return traverse_util.unflatten_dict({k: k[-1] for k in flat})


def decay_mask_fn(params):
    return jax.tree_util.tree_map(lambda p: p.ndim >= 2, params)


def schedule_factory():
    warmup = CONFIG.n_warmup_step
    return optax.join_schedules(
        [optax.linear_schedule(0.0, end_value=1.0, transition_steps=warmup),
         optax.linear_schedule(1.0, end_value=0.1, transition_steps=CONFIG.n_pretrain_step - warmup)],
        boundaries=[warmup])


def _adam(lr):
    return optax.adamw(lr, b1=CONFIG.adam_b1, b2=CONFIG.adam_b2, eps=CONFIG.adam_eps, weight_decay=0.0)


def grad_transform_factory():
    lr = CONFIG.lr_max
    wd = CONFIG.wd_lam
    dm = CONFIG.d_model
    dff = CONFIG.d_model * CONFIG.ff_multiple
    return optax.chain(
        optax.clip_by_global_norm(CONFIG.grad_clip),
        optax.multi_transform(
            {
                "w_ei": _adam(lr),
                "w_eo": _adam(lr / dm),
                "w_aq": _adam(lr / dm),
                "w_ak": _adam(lr / dm),
                "w_av": _adam(lr / dm),
                "w_ao": _adam(lr / dm),
                "w_fi": _adam(lr / dm),
                "w_fo": _adam(lr / dff),
            },
            param_labels=param_label_fn,
        ),
        optax.add_decayed_weights(-lr * wd, mask=decay_mask_fn),
        optax.scale_by_schedule(schedule_factory()),
    )


def train_step(state, batch, loss_fn):
    (_, metrics), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params, batch=batch)
    state = state.apply_gradients(grads=grads)
    return state, metrics
