# Idiom seen in: tinker495/JAxtar train_util/optimizer.py
# What it reproduces: optax.inject_hyperparams(optax.adamw) with a warmup/decay schedule, weight_decay and a
# mask that leaves biases, scales and batch_stats undecayed; flax TrainState, plain loss (clean).
from typing import Any

import jax
import jax.numpy as jnp
import optax
from flax import traverse_util
from flax.training import train_state

from neural_util.resnet import ResMLP
from puzzle_data import make_dataset


class TrainState(train_state.TrainState):
    batch_stats: Any = None


def decay_mask_fn(params):
    flat = traverse_util.flatten_dict(params)
    mask = {path: path[-1] not in ("bias", "scale") for path in flat}
    return traverse_util.unflatten_dict(mask)


def create_train_state(rng, lr_init=1e-3, weight_decay=0.05, steps=100000):
    model = ResMLP(hidden=1024, blocks=4)
    x0, _ = next(make_dataset(2))
    variables = model.init(rng, x0, training=False)
    schedule = optax.join_schedules(
        [optax.linear_schedule(1e-6, lr_init, 1000), optax.exponential_decay(lr_init, 5000, 0.995)],
        boundaries=[1000],
    )
    tx = optax.inject_hyperparams(optax.adamw)(
        learning_rate=schedule,
        weight_decay=weight_decay,
        mask=decay_mask_fn,
    )
    return TrainState.create(apply_fn=model.apply, params=variables["params"],
                             batch_stats=variables["batch_stats"], tx=tx)


@jax.jit
def train_step(state, x, y):
    def loss_fn(params):
        pred, updates = state.apply_fn({"params": params, "batch_stats": state.batch_stats}, x,
                                       training=True, mutable=["batch_stats"])
        return jnp.mean(optax.huber_loss(pred.squeeze(-1), y)), updates

    (loss, updates), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    state = state.apply_gradients(grads=grads, batch_stats=updates["batch_stats"])
    return state, loss


def main():
    state = create_train_state(jax.random.PRNGKey(0))
    data = make_dataset(8192)
    for step in range(100000):
        x, y = next(data)
        state, loss = train_step(state, x, y)
        if step % 1000 == 0:
            print(step, float(loss), float(state.opt_state.hyperparams["learning_rate"]))


if __name__ == "__main__":
    main()
