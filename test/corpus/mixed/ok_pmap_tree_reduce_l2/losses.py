# Idiom seen in: alex-damian/jaxutil jaxbase/train.py
# What it reproduces: loss helpers; the L2 penalty is a tree_reduce over the conv/dense kernels
#   only; clean.
import jax
import jax.numpy as jnp
import optax
from flax import traverse_util


def cross_entropy(logits, labels):
    return optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()


def kernel_l2(params):
    flat = traverse_util.flatten_dict(params)
    kernels = [v for k, v in flat.items() if k[-1] == "kernel"]
    return jax.tree_util.tree_reduce(lambda acc, w: acc + jnp.sum(w ** 2), kernels, 0.0)
