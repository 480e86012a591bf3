# Idiom seen in: tinker495/jax-baseline experiments/cli/qnet.py
# What it reproduces: the command line that picks the optimizer by name (any string may come in)
# and trains a Q-network with LayerNorm'ed dense layers through the factory of optimizers.py.
import argparse

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax

from optimizers import make_optimizer_factory


class QNetwork(nn.Module):
    n_actions: int

    @nn.compact
    def __call__(self, obs):
        x = nn.Dense(256)(obs)
        x = nn.LayerNorm()(x)
        x = nn.relu(x)
        return nn.Dense(self.n_actions)(x)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--optimizer", type=str, default="adam")
    parser.add_argument("--learning_rate", type=float, default=3e-4)
    args = parser.parse_args()

    net = QNetwork(n_actions=6)
    params = net.init(jax.random.PRNGKey(0), jnp.zeros((1, 128)))
    tx = make_optimizer_factory(args.optimizer, grad_max=10.0)(args.learning_rate)
    opt_state = tx.init(params)

    def loss_fn(params, obs, targets):
        return jnp.mean((net.apply(params, obs) - targets) ** 2)

    @jax.jit
    def step(params, opt_state, obs, targets):
        loss, grads = jax.value_and_grad(loss_fn)(params, obs, targets)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    obs = jnp.ones((32, 128))
    for _ in range(1000):
        params, opt_state, _ = step(params, opt_state, obs, jnp.zeros((32, 6)))


if __name__ == "__main__":
    main()
