# Idiom seen in: Arnaud15/house_prices_mlp house_prices_mlp/training_loop.py
# Idiom seen in: Arnaud15/house_prices_mlp house_prices_mlp/train_state.py
# What it reproduces: a flax TrainState subclass carrying its loss_fn, a jitted train_step differentiating
#   the mean squared error with value_and_grad(has_aux=True), and the optimizer handed in by the caller.
from typing import Callable

import jax
import jax.numpy as jnp
import jax.random as random
import numpy as np
from flax import struct
from flax.training.train_state import TrainState

from models import init_params
from train_utils import mse_loss


class TrainStateWithLoss(TrainState):
    loss_fn: Callable = struct.field(pytree_node=False)


@jax.jit
def train_step(rng, x_num, x_cat, y, state: TrainStateWithLoss):
    def pure_loss(params):
        predicted = state.apply_fn(params, x_num, x_cat, rngs={"dropout": rng})
        loss_items = state.loss_fn(y, predicted)
        return jnp.mean(loss_items), predicted

    (loss_step, predicted_step), grad_step = jax.value_and_grad(pure_loss, has_aux=True)(state.params)
    state = state.apply_gradients(grads=grad_step)
    return state, loss_step, y - predicted_step


def train(rng, model, optimizer, train_dataset, eval_dataset, num_epochs, cat_input_shape, num_input_shape,
          hist_every=None, print_every=None):
    rng, init_params_rng = random.split(rng, num=2)
    params = init_params(init_params_rng, model, num_input_shape, cat_input_shape, dropout=model.dropout)
    state = TrainStateWithLoss.create(apply_fn=model.apply, params=params, tx=optimizer, loss_fn=mse_loss)
    best_params, best_loss = None, np.inf
    step = 0
    for epoch_ix in range(num_epochs):
        for (x_num, x_cat, y) in train_dataset:
            rng, rng_step = random.split(rng, num=2)
            state, loss_step, _ = train_step(rng_step, x_num, x_cat, y, state)
            if (print_every is not None) and (step % print_every == 0):
                print(f"Step {step} | Training Loss: {jnp.sqrt(loss_step):.4f}")
            step += 1
        eval_loss = 0.0
        for (x_num, x_cat, y) in eval_dataset:
            predicted = model.apply(state.params, x_num, x_cat, train=False)
            eval_loss += float(jnp.sqrt(jnp.mean(mse_loss(y, predicted))))
        if eval_loss < best_loss:
            best_params, best_loss = state.params, eval_loss
    return best_params, best_loss
