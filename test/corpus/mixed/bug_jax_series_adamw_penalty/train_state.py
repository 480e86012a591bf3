# Idiom seen in: soumik12345/jax-series season_1/episode_2/jax_classification/training/train_state.py
# What it reproduces: user change to the series' TrainState: optax.sgd replaced by a masked optax.adamw
#   (decoupled decay on kernels), while steps.py still adds its hand-written L2 penalty -> double decay
#   (WD201, reported in steps.py). The mask itself is right.
from typing import Any

import jax
import jax.numpy as jnp
import optax
from flax.training import train_state


class TrainState(train_state.TrainState):
    batch_stats: Any


def kernel_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def create_train_state(key, model, image_size: int, learning_rate: float, weight_decay: float):
    variables = model.init(key, jnp.ones((1, image_size, image_size, 3)), train=False)
    tx = optax.adamw(learning_rate=learning_rate, weight_decay=weight_decay, mask=kernel_mask)
    return TrainState.create(
        apply_fn=model.apply,
        params=variables["params"],
        tx=tx,
        batch_stats=variables["batch_stats"],
    )
