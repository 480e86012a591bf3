# Idiom seen in: devcomfort/jax-to-tfjs-demo src/jax_to_tfjs/models/jax/cnn_model.py
# What it reproduces: the pure-JAX MNIST CNN (params dict of conv/dense weights and biases, a forward(params, x))
#   that the trainer in jax_trainer.py trains; no decay here.
from typing import Dict

import jax
import jax.numpy as jnp

Params = Dict[str, Dict[str, jnp.ndarray]]


class CNNModel:
    def __init__(self, rng: jax.Array):
        k1, k2, k3, k4 = jax.random.split(rng, 4)
        he = jax.nn.initializers.he_normal()
        self.params: Params = {
            "conv1": {"w": he(k1, (3, 3, 1, 32)), "b": jnp.zeros((32,))},
            "conv2": {"w": he(k2, (3, 3, 32, 64)), "b": jnp.zeros((64,))},
            "dense1": {"w": he(k3, (7 * 7 * 64, 128)), "b": jnp.zeros((128,))},
            "dense2": {"w": he(k4, (128, 10)), "b": jnp.zeros((10,))},
        }

    @staticmethod
    def _conv(x, p):
        y = jax.lax.conv_general_dilated(x, p["w"], (1, 1), "SAME", dimension_numbers=("NHWC", "HWIO", "NHWC"))
        return y + p["b"]

    def forward(self, params: Params, x: jnp.ndarray) -> jnp.ndarray:
        if x.ndim == 3:
            x = x[..., None]
        x = jax.nn.relu(self._conv(x, params["conv1"]))
        x = jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "VALID")
        x = jax.nn.relu(self._conv(x, params["conv2"]))
        x = jax.lax.reduce_window(x, -jnp.inf, jax.lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "VALID")
        x = x.reshape((x.shape[0], -1))
        x = jax.nn.relu(x @ params["dense1"]["w"] + params["dense1"]["b"])
        return x @ params["dense2"]["w"] + params["dense2"]["b"]
