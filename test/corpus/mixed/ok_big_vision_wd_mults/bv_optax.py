# Idiom seen in: google-research/big_vision big_vision/optax.py
# What it reproduces: big_vision's optimizer factory: clip -> scale_by_adam -> scale(config.lr) ->
# add_decayed_weights(config.wd * mult, mask) -> scale_by_schedule -> scale(-1). The decay joins
# after the Adam scaling (decoupled) and BEFORE the final sign flip, masked to kernels. Clean.
import operator
import re

import jax
import optax
from flax import traverse_util


def _make_mask_trees(params, patterns_values):
    patterns, values = zip(*patterns_values)
    flat = traverse_util.flatten_dict(params, sep='/')
    masks = []
    for pattern in patterns:
        rx = re.compile(pattern)
        masks.append(traverse_util.unflatten_dict(
            {tuple(k.split('/')): bool(rx.fullmatch(k)) for k in flat}))
    return masks, values


def create_learning_rate_schedule(total_steps, base=1.0, decay_type='cosine', warmup_steps=0):
    return optax.warmup_cosine_decay_schedule(0.0, base, warmup_steps, total_steps)


def make(config, params, *, sched_kw):
    """Returns gradient transform and learning rate functions."""
    schedule_fn = create_learning_rate_schedule(**sched_kw, **config.get('schedule', {}))

    grad_clip_norm_tx = (optax.clip_by_global_norm(config.grad_clip_norm)
                         if config.get('grad_clip_norm') else optax.identity())

    tx_func = operator.attrgetter(config.optax_name)(optax)
    opt_txs = [tx_func(**config.get('optax', {}))]

    lr_mult_txs = [optax.scale(config.lr)]

    # Weight decay is not gradient-based but uses the params side-input, so it is
    # additive and independent of the previous gradient-based updates.
    if config.get('wd'):
        wd_mults = config.get('wd_mults', [('.*/kernel$', 1.0)])
        masks, mults = _make_mask_trees(params, wd_mults)
        weight_decay_txs = [
            optax.add_decayed_weights(config.wd * mult, mask)
            for mult, mask in zip(mults, masks)
        ]
    else:
        weight_decay_txs = []

    return optax.chain(
        grad_clip_norm_tx,
        *opt_txs,
        *lr_mult_txs,
        *weight_decay_txs,
        optax.scale_by_schedule(schedule_fn),
        optax.scale(-1.0)), schedule_fn
