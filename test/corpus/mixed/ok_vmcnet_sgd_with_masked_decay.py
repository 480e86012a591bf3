# Idiom seen in: jeffminlin/vmcnet vmcnet/updates/optimizers.py
# What it reproduces: vmcnet's hand-copied optax sgd (combine.chain(trace, _scale_by_learning_rate)),
#   extended with weight decay the way torch's SGD does it: add_decayed_weights(wd, mask) is the
#   FIRST link, before momentum and the -lr scaling, with a mask that skips biases; lr*wd = 1e-6.
#   Used for the supervised pretraining of a flax orbital network. Clean.
from typing import Any, Optional

import flax
import flax.linen as nn
import jax
import jax.numpy as jnp
from optax._src import base
from optax._src import combine
from optax._src import transform
from optax._src.alias import ScalarOrSchedule, _scale_by_learning_rate
import optax


def kernel_mask(params):
    flat = flax.traverse_util.flatten_dict(params)
    return flax.traverse_util.unflatten_dict({k: k[-1] == "kernel" for k in flat})


def sgd(
    learning_rate: ScalarOrSchedule,
    momentum: Optional[float] = None,
    nesterov: bool = False,
    weight_decay: float = 0.0,
    accumulator_dtype: Optional[Any] = None,
) -> base.GradientTransformation:
    """SGD with momentum and L2 decay folded into the gradient before the momentum trace."""
    return combine.chain(
        transform.add_decayed_weights(weight_decay, mask=kernel_mask),
        (transform.trace(decay=momentum, nesterov=nesterov, accumulator_dtype=accumulator_dtype)
         if momentum is not None else base.identity()),
        _scale_by_learning_rate(learning_rate),
    )


class Orbitals(nn.Module):
    n_orbitals: int = 8
    width: int = 64

    @nn.compact
    def __call__(self, x):
        x = jnp.tanh(nn.Dense(self.width)(x))
        x = jnp.tanh(nn.Dense(self.width)(x))
        return nn.Dense(self.n_orbitals)(x)


def pretrain(electron_positions, hf_orbitals, steps=2000, learning_rate=1e-2, weight_decay=1e-4):
    model = Orbitals(n_orbitals=hf_orbitals.shape[-1])
    params = model.init(jax.random.PRNGKey(0), electron_positions[:1])["params"]
    tx = sgd(learning_rate, momentum=0.9, weight_decay=weight_decay)
    opt_state = tx.init(params)

    @jax.jit
    def step(params, opt_state):
        def loss_fn(p):
            pred = model.apply({"params": p}, electron_positions)
            return jnp.mean((pred - hf_orbitals) ** 2)

        loss, grads = jax.value_and_grad(loss_fn)(params)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    for i in range(steps):
        params, opt_state, loss = step(params, opt_state)
        if i % 200 == 0:
            print(f"pretrain step {i}: loss {float(loss):.5f}")
    return params


if __name__ == "__main__":
    key = jax.random.PRNGKey(1)
    positions = jax.random.normal(key, (4096, 3))
    targets = jnp.exp(-jnp.linalg.norm(positions, axis=-1, keepdims=True)) * jnp.ones((1, 8))
    pretrain(positions, targets)
