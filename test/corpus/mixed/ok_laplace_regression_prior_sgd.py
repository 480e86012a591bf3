# Idiom seen in: federicobergamin/riemannian-laplace-approximation regression_experiment.py
# What it reproduces: a JAX port of the 1-D regression experiment that writes the Gaussian prior of the
#   Laplace approximation into the MAP loss (0.5*SSE + weight_decay/2 * |theta|^2) and trains it with a plain
#   optax.sgd(1e-3), so the decay is applied once, as the prior precision the Laplace step assumes. Clean.
import argparse

import flax.linen as nn
import jax
import jax.numpy as jnp
import numpy as np
import optax
from jax.flatten_util import ravel_pytree


class MLP(nn.Module):
    hidden: int = 15

    @nn.compact
    def __call__(self, x):
        return nn.Dense(1)(nn.tanh(nn.Dense(self.hidden)(x)))


def make_data(key, n=150):
    kx, kn = jax.random.split(key)
    x = jnp.sort(jax.random.uniform(kx, (n, 1), minval=-4.0, maxval=4.0), axis=0)
    y = jnp.sin(x) + 0.3 * jax.random.normal(kn, x.shape)
    return x, y


def main(args):
    key = jax.random.PRNGKey(args.seed)
    x_train, y_train = make_data(key)
    model = MLP(hidden=args.hidden)
    params = model.init(key, x_train)

    weight_decay = 1e-3  # prior precision of the Laplace approximation
    optimizer = optax.sgd(learning_rate=1e-3)
    opt_state = optimizer.init(params)

    def map_loss(params):
        y_pred = model.apply(params, x_train)
        nll = 0.5 * jnp.sum((y_pred - y_train) ** 2)
        log_prior = 0.5 * weight_decay * sum(jnp.sum(p ** 2) for p in jax.tree_util.tree_leaves(params))
        return nll + log_prior

    @jax.jit
    def step(params, opt_state):
        loss, grads = jax.value_and_grad(map_loss)(params)
        updates, opt_state = optimizer.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    for epoch in range(args.max_epoch):
        params, opt_state, loss = step(params, opt_state)
        if epoch % 5000 == 0:
            print(f"epoch {epoch}: MAP loss {float(loss):.3f}")

    flat, _ = ravel_pytree(params)
    np.save("map_solution.npy", np.asarray(flat))
    print("prior precision for Laplace:", weight_decay)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Riemannian Laplace, regression (JAX port)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--hidden", type=int, default=15)
    parser.add_argument("--max_epoch", type=int, default=35000)
    main(parser.parse_args())
