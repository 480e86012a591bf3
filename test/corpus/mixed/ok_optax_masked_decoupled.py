# Idiom seen in: LucMc/grad_playground optim/adam.py
# What it reproduces: hand-built decoupled AdamW chain for a flax surrogate model: scale_by_adam, then
# add_decayed_weights with a kernel-only mask, then the learning-rate step; loss_fn has_aux with metrics only. Clean.
import functools

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax import traverse_util
from flax.training import train_state

from pde_data import load_heat_equation_pairs  # not in this workspace

LEARNING_RATE = 1e-3
WEIGHT_DECAY = 1e-2
NUM_STEPS = 20000


class Surrogate(nn.Module):
    width: int = 128

    @nn.compact
    def __call__(self, x):
        for _ in range(3):
            x = nn.Dense(self.width)(x)
            x = nn.LayerNorm()(x)
            x = nn.gelu(x)
        return nn.Dense(1)(x)


def decay_mask_fn(params):
    flat = traverse_util.flatten_dict(params)
    return traverse_util.unflatten_dict({path: path[-1] == "kernel" for path in flat})


def make_tx(lr, wd):
    return optax.chain(
        optax.clip_by_global_norm(1.0),
        optax.scale_by_adam(b1=0.9, b2=0.999),
        optax.add_decayed_weights(wd, mask=decay_mask_fn),
        optax.scale_by_learning_rate(lr),
    )


@functools.partial(jax.jit)
def train_step(state, batch):
    x, y = batch

    def loss_fn(params):
        pred = state.apply_fn({"params": params}, x)
        mse = jnp.mean((pred - y) ** 2)
        return mse, {"mse": mse, "max_err": jnp.max(jnp.abs(pred - y))}

    (loss, metrics), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    return state.apply_gradients(grads=grads), metrics


def main():
    model = Surrogate()
    params = model.init(jax.random.PRNGKey(0), jnp.ones((1, 3)))["params"]
    state = train_state.TrainState.create(apply_fn=model.apply, params=params,
                                          tx=make_tx(LEARNING_RATE, WEIGHT_DECAY))
    batches = load_heat_equation_pairs(batch_size=256)
    for step in range(NUM_STEPS):
        state, metrics = train_step(state, next(batches))
        if step % 1000 == 0:
            print(step, float(metrics["mse"]), float(metrics["max_err"]))


if __name__ == "__main__":
    main()
