# Idiom seen in: google/fedjax fedjax/core/regularizers.py
# What it reproduces: fedjax-style L2Regularizer: weight * sum of squares over every leaf of the params tree.
import jax
import jax.numpy as jnp


class L2Regularizer:
    def __init__(self, weight=1e-4):
        self.weight = weight

    def __call__(self, params):
        leaves = jax.tree_util.tree_leaves(params)
        return self.weight * sum(jnp.sum(jnp.square(p)) for p in leaves)
