# Idiom seen in: google/fedjax fedjax/core/models.py (train_loss + regularizer)
# What it reproduces: the loss differentiated by jax.value_and_grad adds regularizer(params) over the whole
# params tree, and the client optimizer is optax.adamw with its own decoupled weight_decay on the same tree:
# every kernel is decayed twice (WD201 at the call that adds the penalty; user mistake).
import argparse

import flax.linen as nn
import jax
import jax.numpy as jnp
import optax

from regularizers import L2Regularizer
from emnist_data import load_client_batches


class CNN(nn.Module):
    num_classes: int = 62

    @nn.compact
    def __call__(self, x):
        x = nn.relu(nn.Conv(32, (3, 3))(x))
        x = nn.relu(nn.Conv(64, (3, 3))(x))
        x = nn.max_pool(x, (2, 2), (2, 2)).reshape((x.shape[0], -1))
        x = nn.relu(nn.Dense(128)(x))
        return nn.Dense(self.num_classes)(x)


def decay_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--weight_decay", type=float, default=1e-2)
    parser.add_argument("--l2", type=float, default=1e-4)
    args = parser.parse_args()

    model = CNN()
    params = model.init(jax.random.PRNGKey(0), jnp.ones((1, 28, 28, 1)))["params"]
    regularizer = L2Regularizer(weight=args.l2)
    tx = optax.adamw(args.lr, weight_decay=args.weight_decay, mask=decay_mask)
    opt_state = tx.init(params)

    def loss_fn(params, batch):
        logits = model.apply({"params": params}, batch["x"])
        xent = optax.softmax_cross_entropy_with_integer_labels(logits, batch["y"]).mean()
        return xent + regularizer(params)  # expect: WD201

    @jax.jit
    def step(params, opt_state, batch):
        loss, grads = jax.value_and_grad(loss_fn)(params, batch)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    for batch in load_client_batches("train"):
        params, opt_state, loss = step(params, opt_state, batch)


if __name__ == "__main__":
    main()
