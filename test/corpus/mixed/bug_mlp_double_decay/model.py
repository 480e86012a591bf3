# Idiom seen in: DominicTanzillo/SSSASS_working Base_Case/helper_functions.py
# What it reproduces: pure-JAX MLP as a list of (W, b) tuples made by init_network_params; train.py adds an
#   explicit L2 penalty over every leaf while optax.adamw already decays the same kernels.
import jax.numpy as np
import jax.random as random


def random_layer_params(m, n, key, scale=1e-2):
    w_key, b_key = random.split(key)
    return scale * random.normal(w_key, (n, m)), scale * random.normal(b_key, (n,))


def init_network_params(sizes, key):
    keys = random.split(key, len(sizes))
    return [random_layer_params(m, n, k) for m, n, k in zip(sizes[:-1], sizes[1:], keys)]


def predict(params, inputs):
    activations = inputs
    for w, b in params[:-1]:
        activations = np.tanh(np.dot(activations, w.T) + b)
    final_w, final_b = params[-1]
    return np.dot(activations, final_w.T) + final_b
