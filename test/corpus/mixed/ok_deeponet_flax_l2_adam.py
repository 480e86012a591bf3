# Idiom seen in: mikelytaev/wave-propagation-experiments optimization/node/npe/common.py
# Idiom seen in: mikelytaev/wave-propagation-experiments optimization/node/npe/deeponet/rwp/deeponet_inverse.py
# What it reproduces: a flax DeepONet surrogate for the propagation operator fit with a hand-written loop
#   (jax.value_and_grad + tx.update + optax.apply_updates) and a ridge term gamma * sum(kernel**2) written into
#   the loss; the optimizer is plain optax.adam without any decay of its own. Clean: one L2, and it is minimized.
import time

import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import traverse_util

from experimental.rwp_jax import RWPComputationalParams, create_rwp_model


class MLP(nn.Module):
    features: tuple

    @nn.compact
    def __call__(self, x):
        for f in self.features[:-1]:
            x = nn.tanh(nn.Dense(f)(x))
        return nn.Dense(self.features[-1])(x)


class DeepONet(nn.Module):
    branch: tuple = (64, 64, 64)
    trunk: tuple = (64, 64, 64)

    @nn.compact
    def __call__(self, profile, coords):
        b = MLP(self.branch)(profile)
        t = MLP(self.trunk)(coords)
        return jnp.einsum("bi,ni->bn", b, t) + self.param("b0", nn.initializers.zeros, (1,))


def kernel_l2(params):
    flat = traverse_util.flatten_dict(params)
    return sum(jnp.sum(jnp.square(v)) for k, v in flat.items() if k[-1] == "kernel")


def loss(params, model, profiles, coords, fields, gamma):
    pred = model.apply(params, profiles, coords)
    misfit = jnp.mean(jnp.abs(pred - fields) ** 2)
    return misfit + gamma * kernel_l2(params)


def fit(model, profiles, coords, fields, gamma=1e-5, learning_rate=2e-3, n_iter=20_000):
    params = model.init(jax.random.PRNGKey(0), profiles[:1], coords)
    tx = optax.adam(learning_rate=learning_rate, b1=0.9)
    opt_state = tx.init(params)
    loss_grad_fn = jax.jit(jax.value_and_grad(loss), static_argnums=1)

    t = time.time()
    loss_vals = []
    for i in range(n_iter):
        loss_val, grads = loss_grad_fn(params, model, profiles, coords, fields, gamma)
        updates, opt_state = tx.update(grads, opt_state)
        params = optax.apply_updates(params, updates)
        loss_vals.append(float(loss_val))
        if i % 500 == 0:
            print(f"i = {i}; Loss = {loss_val}")
    print(f"fit took {time.time() - t:.1f} s")
    return params, loss_vals


if __name__ == "__main__":
    comp_params = RWPComputationalParams(max_range_m=50e3, max_height_m=250, dx_m=100, dz_m=1)
    rwp_model = create_rwp_model(comp_params)
    profiles, coords, fields = rwp_model.sample_training_set(n=2048, seed=42)
    params, loss_vals = fit(DeepONet(), jnp.asarray(profiles), jnp.asarray(coords), jnp.asarray(fields))
    np.save("deeponet_loss.npy", np.array(loss_vals))
