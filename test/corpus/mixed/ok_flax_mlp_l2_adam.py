# Idiom seen in: kazewong/ModelLibrary jax/flax/example/MLP.py
# What it reproduces: the Flax linen MLP example (features list, nn.compact, model.init / model.apply) grown into
#   a small regression trainer. Clean: the L2 term covers only the Dense kernels (flattened param paths ending
#   in 'kernel') and is part of the loss given to jax.value_and_grad; the optimizer is plain optax.adam, which
#   adds no decay of its own, so the kernels are decayed exactly once and the biases not at all.
from typing import Sequence

import jax
import jax.numpy as jnp
import optax
from flax import linen as nn
from flax import traverse_util
from flax.training import train_state

WEIGHT_DECAY = 1e-4


class MLP(nn.Module):
    features: Sequence[int]

    @nn.compact
    def __call__(self, x):
        for feat in self.features[:-1]:
            x = nn.relu(nn.Dense(feat)(x))
        return nn.Dense(self.features[-1])(x)


def kernel_l2(params):
    flat = traverse_util.flatten_dict(params)
    return sum(jnp.sum(jnp.square(v)) for k, v in flat.items() if k[-1] == 'kernel')


def create_train_state(rng, model, batch, lr):
    params = model.init(rng, batch)['params']
    return train_state.TrainState.create(apply_fn=model.apply, params=params, tx=optax.adam(lr))


@jax.jit
def train_step(state, x, y):
    def loss_fn(params):
        pred = state.apply_fn({'params': params}, x)
        mse = jnp.mean((pred - y) ** 2)
        return mse + WEIGHT_DECAY / 2 * kernel_l2(params), mse

    (loss, mse), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    return state.apply_gradients(grads=grads), loss, mse


if __name__ == '__main__':
    key, data_key = jax.random.split(jax.random.PRNGKey(0))
    x = jax.random.normal(data_key, (512, 10))
    y = jnp.stack([jnp.sin(x[:, 0]), jnp.cos(x[:, 1]), x[:, 2] * x[:, 3], jnp.tanh(x[:, 4])], axis=1)

    model = MLP([12, 8, 4])
    state = create_train_state(key, model, x[:32], lr=1e-3)
    for epoch in range(200):
        for i in range(0, 512, 32):
            state, loss, mse = train_step(state, x[i:i + 32], y[i:i + 32])
        if epoch % 20 == 0:
            print(f'epoch {epoch}: loss {loss:.4f} mse {mse:.4f}')
