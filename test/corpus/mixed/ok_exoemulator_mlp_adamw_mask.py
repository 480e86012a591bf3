# Idiom seen in: HajimeKawahara/exoemulator src/exoemulator/model/mlp.py
# What it reproduces: the emulator's flax MLP6 regression trained with a jitted update_fn on a
# TrainState; here the optimizer is optax.adamw with a mask that decays only the Dense kernels, and
# tx.update gets the params. Clean.
import jax
import jax.numpy as jnp
from jax import random
from flax import linen as nn
from flax import traverse_util
from flax.training import train_state
import optax
import tqdm

from exoemulator.data import load_spectra


class MLP6(nn.Module):
    features: int

    @nn.compact
    def __call__(self, x):
        for _ in range(5):
            x = nn.relu(nn.Dense(features=self.features)(x))
        return nn.Dense(features=1)(x)


def decay_mask(params):
    flat = traverse_util.flatten_dict(params)
    return traverse_util.unflatten_dict({path: path[-1] == "kernel" for path in flat})


@jax.jit
def loss_fn(state, params, x, y):
    y_pred = state.apply_fn(params, x)
    return jnp.mean((y - y_pred) ** 2)


@jax.jit
def update_fn(state, x, y):
    loss, grad = jax.value_and_grad(loss_fn, argnums=1)(state, state.params, x, y)
    updates, new_opt_state = state.tx.update(grad, state.opt_state, state.params)
    new_params = optax.apply_updates(state.params, updates)
    return state.replace(params=new_params, opt_state=new_opt_state), loss


def train(nepoch=5000, features=128, learning_rate=1e-3, weight_decay=1e-4):
    x, y = load_spectra()
    model = MLP6(features=features)
    variables = model.init(random.PRNGKey(0), x[:1])
    tx = optax.adamw(learning_rate=learning_rate, weight_decay=weight_decay, mask=decay_mask)
    state = train_state.TrainState.create(apply_fn=model.apply, params=variables, tx=tx)

    losses = []
    for _ in tqdm.tqdm(range(nepoch)):
        state, loss = update_fn(state, x, y)
        losses.append(float(loss))
    return state, jnp.array(losses)


if __name__ == "__main__":
    state, losses = train()
    print("final loss", losses[-1])
