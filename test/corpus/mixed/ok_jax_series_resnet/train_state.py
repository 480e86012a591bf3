# Idiom seen in: soumik12345/jax-series season_1/episode_2/jax_classification/training/train_state.py
# What it reproduces: a Flax TrainState with batch_stats and a warmup+cosine optax.sgd (Nesterov momentum, no
#   optimizer decay); the L2 term lives in steps.py's loss. Clean: one decay, on kernels only, in the trained loss.
from typing import Any, Callable

import jax.numpy as jnp
import optax
from flax.training import train_state


class TrainState(train_state.TrainState):
    batch_stats: Any


def create_lr_schedule(base_lr: float, steps_per_epoch: int, warmup_epochs: int, num_epochs: int):
    warmup = optax.linear_schedule(
        init_value=0.0, end_value=base_lr, transition_steps=warmup_epochs * steps_per_epoch)
    cosine = optax.cosine_decay_schedule(
        init_value=base_lr, decay_steps=max(num_epochs - warmup_epochs, 1) * steps_per_epoch)
    return optax.join_schedules([warmup, cosine], boundaries=[warmup_epochs * steps_per_epoch])


def create_train_state(key: jnp.ndarray, model, image_size: int, lr_schedule: Callable, momentum: float):
    variables = model.init(key, jnp.ones((1, image_size, image_size, 3)), train=False)
    tx = optax.sgd(learning_rate=lr_schedule, momentum=momentum, nesterov=True)
    return TrainState.create(
        apply_fn=model.apply,
        params=variables["params"],
        tx=tx,
        batch_stats=variables["batch_stats"],
    )
