# Idiom seen in: arpastrana/jax_fdm src/jax_fdm/losses/regularizers.py
# What it reproduces: the Regularizer-class idiom reused for a Flax surrogate network: an L2Regularizer over every leaf
# of the parameter tree is added to the loss while the optimizer is optax.adamw(weight_decay=...), which decays the same
# kernels again (WD201 at the call that adds the regularizer). Realistic user mistake in the repo's idiom.
import argparse

import jax
import jax.numpy as jnp
import optax
from flax import linen as nn

from surrogate_data import load_batches


class Regularizer:
    def __init__(self, alpha, name=None):
        self.alpha = alpha
        self.name = name or self.__class__.__name__


class L2Regularizer(Regularizer):
    def __call__(self, params):
        return self.alpha * sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params))


class Surrogate(nn.Module):
    hidden: int = 128

    @nn.compact
    def __call__(self, q):
        h = nn.gelu(nn.Dense(self.hidden)(q))
        h = nn.gelu(nn.Dense(self.hidden)(h))
        return nn.Dense(3)(h)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=3e-4)
    parser.add_argument("--wd", type=float, default=1e-2)
    parser.add_argument("--alpha", type=float, default=1e-4)
    args = parser.parse_args()

    model = Surrogate()
    params = model.init(jax.random.PRNGKey(0), jnp.ones((1, 64)))["params"]
    regularizer = L2Regularizer(alpha=args.alpha)
    mask = jax.tree_util.tree_map(lambda p: p.ndim > 1, params)
    tx = optax.adamw(args.lr, weight_decay=args.wd, mask=mask)
    opt_state = tx.init(params)

    def loss_fn(params, q, xyz):
        pred = model.apply({"params": params}, q)
        mse = jnp.mean((pred - xyz) ** 2)
        return mse + regularizer(params)  # expect: WD201

    @jax.jit
    def train_step(params, opt_state, q, xyz):
        loss, grads = jax.value_and_grad(loss_fn)(params, q, xyz)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    for epoch in range(100):
        for q, xyz in load_batches(batch_size=128):
            params, opt_state, loss = train_step(params, opt_state, q, xyz)
        print(epoch, float(loss))


if __name__ == "__main__":
    main()
