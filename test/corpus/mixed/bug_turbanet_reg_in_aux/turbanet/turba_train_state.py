# Idiom seen in: EthanSchmitt7/TurbaNet src/turbanet/loss.py
# Idiom seen in: EthanSchmitt7/TurbaNet src/turbanet/turba_train_state.py
# What it reproduces: swarm loss functions return (loss, aux) for jax.value_and_grad(has_aux=True); a user adds an L2 weight penalty
# but returns it inside the aux tuple "for logging", so only the MSE is differentiated and the decay is dropped (WD104, user mistake).
from __future__ import annotations

from typing import Callable

import flax
import jax
import jax.numpy as jnp
import jax.random as jr
import optax
from flax import linen as nn
from flax.training.train_state import TrainState


def make_params_fn(model: nn.Module, sample_input, seed: int) -> dict:
    return model.init(jr.PRNGKey(seed), sample_input)["params"]


make_params = jax.vmap(make_params_fn, in_axes=(None, None, 0))


def create_fn(apply_fn: Callable, optimizer: optax.GradientTransformation, params: dict) -> "TurbaTrainState":
    return TurbaTrainState.create(apply_fn=apply_fn, params=params, tx=optimizer)


_create = jax.vmap(create_fn, in_axes=(None, None, 0))


def make_train_step(loss_fn: Callable) -> Callable:
    def train_fn(state: TurbaTrainState, batch: dict):
        def wrapped_loss_fn(params: dict):
            return loss_fn(params, batch, state.apply_fn)

        grad_fn = jax.value_and_grad(wrapped_loss_fn, has_aux=True)
        (loss, aux), grads = grad_fn(state.params)
        new_state = state.apply_gradients(grads=grads)
        return new_state, loss, aux

    return jax.jit(jax.vmap(train_fn))


class TurbaTrainState(TrainState):
    train_function: Callable = flax.struct.field(pytree_node=False, default=None)

    @staticmethod
    def swarm(model: nn.Module, optimizer: optax.GradientTransformation, swarm_size: int,
              input_size: int, seed: int = 0) -> "TurbaTrainState":
        sample_input = jnp.zeros((1, input_size))
        seeds = jnp.arange(seed, seed + swarm_size)
        params = make_params(model, sample_input, seeds)
        return _create(model.apply, optimizer, params)

    def set_loss_fn(self, loss_fn: Callable) -> "TurbaTrainState":
        return self.replace(train_function=make_train_step(loss_fn))

    def train(self, input_data, output_data):
        batch = {"input": jnp.asarray(input_data), "output": jnp.asarray(output_data)}
        return self.train_function(self, batch)
