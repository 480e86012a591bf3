# Idiom seen in: SimonKoop/common_jax_utils src/common_jax_utils/optimizer_factory.py
# Idiom seen in: SimonKoop/common_jax_utils src/common_jax_utils/masks.py
# What it reproduces: an equinox MLP trained with optax.adamw built from a config dict; the repo
#   passes a mask (masks.py) but here the user builds adamw without mask=, so every leaf, biases
#   included, is decayed (realistic user mistake in the repo's idiom).
import argparse

import equinox as eqx
import jax
import jax.numpy as jnp
import optax

from datasets import get_loader

CONFIG = {
    "learning_rate": 3e-4,
    "weight_decay": 1e-2,
    "depth": 3,
    "width": 128,
}


class Regressor(eqx.Module):
    mlp: eqx.nn.MLP
    out_bias: jax.Array

    def __init__(self, in_size, width, depth, key):
        self.mlp = eqx.nn.MLP(in_size, 1, width, depth, activation=jax.nn.gelu, key=key)
        self.out_bias = jnp.zeros((1,))

    def __call__(self, x):
        return self.mlp(x) + self.out_bias


def make_optimizer(config):
    schedule = optax.cosine_decay_schedule(config["learning_rate"], 10_000)
    return optax.adamw(
        learning_rate=schedule,
        weight_decay=config["weight_decay"],  # expect: WD203
    )


@eqx.filter_jit
def train_step(model, opt_state, optim, x, y):
    def loss_fn(m):
        pred = jax.vmap(m)(x)
        return jnp.mean((pred - y) ** 2)

    loss, grads = eqx.filter_value_and_grad(loss_fn)(model)
    updates, opt_state = optim.update(grads, opt_state, eqx.filter(model, eqx.is_array))
    model = eqx.apply_updates(model, updates)
    return model, opt_state, loss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    key = jax.random.PRNGKey(args.seed)
    model = Regressor(16, CONFIG["width"], CONFIG["depth"], key)
    optim = make_optimizer(CONFIG)
    opt_state = optim.init(eqx.filter(model, eqx.is_array))

    loader = get_loader("train", batch_size=256)
    for step, (x, y) in zip(range(args.steps), loader):
        model, opt_state, loss = train_step(model, opt_state, optim, x, y)
        if step % 500 == 0:
            print(f"step {step} loss {loss:.4f}")


if __name__ == "__main__":
    main()
