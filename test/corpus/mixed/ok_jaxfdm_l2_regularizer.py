# Idiom seen in: arpastrana/jax_fdm src/jax_fdm/losses/regularizers.py
# What it reproduces: form-finding optimisation with a Regularizer class (alpha * sum(q**2)) added to the goal loss,
# minimised with plain optax.adam (no decay transform), so the L2 acts once through the loss. Clean.
from typing import NamedTuple

import jax
import jax.numpy as jnp
import optax

from structures import load_network, equilibrium  # form-finding solver package, not in this file


class Params(NamedTuple):
    q: jnp.ndarray


class Regularizer:
    def __init__(self, alpha, name=None):
        self.alpha = alpha
        self.name = name or self.__class__.__name__


class L2Regularizer(Regularizer):
    def __call__(self, params):
        return self.alpha * jnp.sum(jnp.square(params.q))


def make_loss(network, target_xyz, regularizer):
    def loss(params):
        xyz = equilibrium(network, params.q)
        goal = jnp.mean(jnp.sum((xyz - target_xyz) ** 2, axis=-1))
        return goal + regularizer(params)
    return loss


def main(steps=500, lr=1e-2):
    network, target_xyz = load_network("pillow.json")
    params = Params(q=jnp.full((network.num_edges,), -1.0))
    loss = make_loss(network, target_xyz, L2Regularizer(alpha=1e-3))
    tx = optax.adam(lr)
    opt_state = tx.init(params)

    @jax.jit
    def step(params, opt_state):
        value, grads = jax.value_and_grad(loss)(params)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, value

    for i in range(steps):
        params, opt_state, value = step(params, opt_state)
        if i % 50 == 0:
            print(i, float(value))
    return params


if __name__ == "__main__":
    main()
