# Idiom seen in: google-deepmind/enn enn/losses/utils.py
# Idiom seen in: google-deepmind/enn enn/supervised/sgd_experiment_legacy.py
# What it reproduces: ENN's loss wrappers: add_l2_weight_decay(loss_fn, scale, predicate) returns a
#   new loss = loss + scale * sum of squares of the (filtered) haiku params. This penalty is one of the
#   two decays of this program (see run_regression.py): WD201 at the sum of squares.
from typing import Any, Callable, Optional

import haiku as hk
import jax
import jax.numpy as jnp

# Maps Haiku params (module_name, name, value) -> include or not
PredicateFn = Callable[[str, str, Any], bool]


def l2_weights_with_predicate(params: hk.Params, predicate: Optional[PredicateFn] = None):
    """Sum of squares of parameter weights that passes predicate_fn."""
    if predicate is not None:
        params = hk.data_structures.filter(predicate, params)
    return sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params))  # expect: WD201


def add_l2_weight_decay(loss_fn, scale: float, predicate: Optional[PredicateFn] = None):
    """Adds scale * l2 weight decay to an existing loss function."""

    def new_loss(enn, params: hk.Params, batch, key):
        loss, metrics = loss_fn(enn, params, batch, key)
        decay = l2_weights_with_predicate(params, predicate)
        total_loss = loss + scale * decay
        metrics['decay'] = decay
        metrics['raw_loss'] = loss
        return total_loss, metrics

    return new_loss


def average_single_index_loss(single_loss, num_index_samples: int = 10):
    def loss_fn(enn, params, batch, key):
        keys = jax.random.split(key, num_index_samples)
        losses, metrics = jax.vmap(lambda k: single_loss(enn.apply, params, batch, enn.indexer(k)))(keys)
        return jnp.mean(losses), jax.tree_util.tree_map(jnp.mean, metrics)

    return loss_fn


def l2_regression_single(apply, params, batch, index):
    preds = apply(params, batch.x, index)
    loss = jnp.mean(jnp.square(preds - batch.y))
    return loss, {}
