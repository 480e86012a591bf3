# Idiom seen in: mikelytaev/wave-propagation-experiments optimization/node/flax/flax_ex1.py
# What it reproduces: the repo's flax ExplicitMLP function-fitting script, with weight decay added by the user
#   as an optax chain in the wrong order: add_decayed_weights AFTER sgd. optax adds the final update to the params,
#   so the decay term (+wd*w) is added after the -lr step: w := w*(1+wd) - lr*g, a growth (negative decay).
from typing import Sequence

import jax
import matplotlib.pyplot as plt
import optax
from flax import linen as nn
from jax import numpy as jnp, random


def func(x):
    x *= 100
    return 100 * jnp.sin(x * 0.1)


class ExplicitMLP(nn.Module):
    features: Sequence[int]

    def setup(self):
        self.layers = [nn.Dense(feat) for feat in self.features]

    def __call__(self, inputs):
        x = inputs
        for i, lyr in enumerate(self.layers):
            x = lyr(x)
            if i != len(self.layers) - 1:
                x = nn.relu(x)
        return x


key1, key2 = random.split(random.key(0), 2)
model = ExplicitMLP(features=[40] * 3 + [1])
params = model.init(key2, jnp.ones((1, 1)))

x_learn_grid = jnp.linspace(0, 1, 200).reshape((200, 1))


def loss(params):
    m_v = model.apply(params, x_learn_grid)
    f_v = func(x_learn_grid)
    return jnp.linalg.norm(m_v - f_v)


learning_rate = 0.01
weight_decay = 1e-3
kernels_only = lambda p: jax.tree_util.tree_map(lambda x: x.ndim > 1, p)
tx = optax.chain(
    optax.sgd(learning_rate=learning_rate, momentum=0.9),
    optax.add_decayed_weights(weight_decay, mask=kernels_only),  # expect: WD302
)

opt_state = tx.init(params)
loss_grad_fn = jax.value_and_grad(loss)

for i in range(3001):
    loss_val, grads = loss_grad_fn(params)
    updates, opt_state = tx.update(grads, opt_state, params)
    params = optax.apply_updates(params, updates)
    if i % 10 == 0:
        print("Loss step {}: ".format(i), loss_val)

x_test_grid = jnp.linspace(0, 1, 1000).reshape((1000, 1))
plt.figure(figsize=(6, 3.2))
plt.plot(x_test_grid, model.apply(params, x_test_grid))
plt.plot(x_test_grid, func(x_test_grid))
plt.grid(True)
plt.show()
