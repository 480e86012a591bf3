# Idiom seen in: olofer/jax-resnet resnet_model.py
# Idiom seen in: olofer/jax-resnet resnet-bce-example.py
# What it reproduces: a list-of-dicts ResNet-FFN trained with an optax chain that a user ported from the
# repo's hand-written `p - step*(dp + wd*p)` update; the port puts add_decayed_weights AFTER sgd (bug in train_bce.py).
"""Residual feed-forward network with a per-sample layer norm, written as pure functions."""

import jax
import jax.numpy as jnp
import numpy as np

LN_EPS = 1.0e-6


def random_layer_params(m, n, key, scale=None):
    w_key, b_key = jax.random.split(key)
    if scale is None:
        scale = 1.0 / jnp.sqrt(m)
    weights = 2 * scale * (jax.random.uniform(w_key, (n, m)) - 0.5)
    biases = 2 * scale * (jax.random.uniform(b_key, (n,)) - 0.5)
    return {"weight": weights, "bias": biases}


def init_network_params(sizes, key):
    keys = jax.random.split(key, len(sizes))
    return [random_layer_params(m, n, k) for m, n, k in zip(sizes[:-1], sizes[1:], keys)]


def num_parameters(params):
    return int(np.sum([np.prod(l["weight"].shape) + np.prod(l["bias"].shape) for l in params]))


def predict(params, x):
    h = jnp.dot(params[0]["weight"], x) + params[0]["bias"]
    for p in params[1:-1]:
        h = (h - jnp.mean(h)) / jnp.sqrt(jnp.var(h) + LN_EPS)
        z = jnp.dot(p["weight"], h) + p["bias"]
        h = jax.nn.relu(z) + z
    return jnp.dot(params[-1]["weight"], h) + params[-1]["bias"]


batched_predict = jax.vmap(predict, in_axes=(None, 0))


def weight_only_mask(params):
    """True for the weight matrices, False for the biases."""
    return [{"weight": True, "bias": False} for _ in params]
