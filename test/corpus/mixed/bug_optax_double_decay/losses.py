# Idiom seen in: chanb/jaxl jaxl/losses/regularization.py
# What it reproduces: a loss-function factory; make_weight_decay returns the sum of squares over
#   every leaf of the parameter pytree (kernels and biases alike).
# label-note: WD201 is placed on the explicit penalty line: the same parameters are also decayed by
#   optax.adamw in optim.py. The penalty covers biases too, but WD203 is placed only on the optimizer line.
from typing import Any, Callable, Dict, Tuple

import jax
import jax.numpy as jnp
import optax


def make_cross_entropy(model) -> Callable[..., Tuple[jnp.ndarray, Dict]]:
    def cross_entropy(params, x, y):
        logits = model.forward(params, x)
        loss = optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()
        return loss, {"logits": logits}

    return cross_entropy


def make_weight_decay(model) -> Callable[..., Tuple[jnp.ndarray, Dict]]:
    def weight_decay(params: Dict[str, Any], *args, **kwargs):
        return (
            sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params)),  # expect: WD201
            {},
        )

    return weight_decay
