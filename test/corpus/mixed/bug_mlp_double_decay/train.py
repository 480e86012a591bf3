# Idiom seen in: DominicTanzillo/SSSASS_working Base_Case/helper_functions.py
# What it reproduces: the loss keeps a hand-written L2 term over tree_leaves(params) after the optimizer was
#   switched to optax.adamw with weight_decay: the kernels are decayed twice (bug written by us in the repo's idiom).
import argparse

import jax
import jax.numpy as jnp
import optax

from h5_loader import load_batches
from model import init_network_params, predict

parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=1e-3)
parser.add_argument("--l2", type=float, default=1e-4)
parser.add_argument("--wd", type=float, default=1e-2)
parser.add_argument("--epochs", type=int, default=50)
args = parser.parse_args()


def loss(params, batch):
    inputs, targets = batch
    preds = predict(params, inputs)
    mse = jnp.mean((targets - preds) ** 2)
    l2 = sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params))  # expect: WD201
    return mse + args.l2 * l2


def main():
    params = init_network_params([40, 256, 256, 8], jax.random.PRNGKey(0))
    opt = optax.adamw(args.lr, weight_decay=args.wd,
                      mask=lambda p: jax.tree_util.tree_map(lambda x: x.ndim > 1, p))
    opt_state = opt.init(params)

    @jax.jit
    def update(params, opt_state, batch):
        value, grads = jax.value_and_grad(loss)(params, batch)
        updates, opt_state = opt.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, value

    for epoch in range(args.epochs):
        for batch in load_batches("train.h5", batch_size=128):
            params, opt_state, value = update(params, opt_state, batch)
        print(epoch, float(value))


if __name__ == "__main__":
    main()
