# Idiom seen in: alexisiddiqui/JAX-ENT jaxent/src/opt/optimiser.py
# What it reproduces: training script for the optimiser class; the decay it configures is placed after the
#   learning-rate step inside optimiser.py, so it acts as negative decay.
import argparse

import jax
import jax.numpy as jnp

from hdx_data import load_uptake_batches
from optimiser import OptaxOptimiser


def init_params(key, n_in, n_hidden):
    k1, k2 = jax.random.split(key)
    return {
        "encoder": {"kernel": jax.random.normal(k1, (n_in, n_hidden)) * 0.05,
                    "bias": jnp.zeros(n_hidden)},
        "head": {"kernel": jax.random.normal(k2, (n_hidden, 1)) * 0.05,
                 "bias": jnp.zeros(1)},
    }


def forward(params, x):
    h = jax.nn.softplus(x @ params["encoder"]["kernel"] + params["encoder"]["bias"])
    return (h @ params["head"]["kernel"] + params["head"]["bias"]).squeeze(-1)


def uptake_loss(params, x, y):
    return jnp.mean((forward(params, x) - y) ** 2)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--optimizer", default="adam")
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--weight-decay", type=float, default=1e-3)
    parser.add_argument("--steps", type=int, default=2000)
    args = parser.parse_args()

    params = init_params(jax.random.PRNGKey(0), 64, 128)
    opt = OptaxOptimiser(learning_rate=args.lr, optimizer=args.optimizer,
                         weight_decay=args.weight_decay)
    opt.initialise(params)
    batches = load_uptake_batches(batch_size=256)
    for step in range(args.steps):
        x, y = next(batches)
        params, loss = opt.step(uptake_loss, params, x, y)
        if step % 100 == 0:
            print(f"step {step} loss {float(loss):.5f}")


if __name__ == "__main__":
    main()
