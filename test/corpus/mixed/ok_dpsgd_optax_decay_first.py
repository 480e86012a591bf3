# Idiom seen in: sAbhay/DP-SGD jax/optim/sgdavg.py
# What it reproduces: the same JAX trainer with the decay placed before the momentum SGD step and masked to the
# kernels: optax.chain(add_decayed_weights(wd, mask), sgd(lr, momentum)), i.e. w*(1 - lr*wd) per step. Clean.
import argparse

import jax
import jax.numpy as jnp
import optax
from flax import linen as nn

from data_utils import load_mnist_batches


class CNN(nn.Module):
    @nn.compact
    def __call__(self, x):
        x = nn.relu(nn.Conv(16, (8, 8), strides=(2, 2))(x))
        x = nn.max_pool(x, (2, 2), strides=(1, 1))
        x = nn.relu(nn.Conv(32, (4, 4), strides=(2, 2))(x))
        x = x.reshape((x.shape[0], -1))
        return nn.Dense(10)(nn.relu(nn.Dense(32)(x)))


def kernel_mask(params):
    return jax.tree_util.tree_map(lambda p: p.ndim > 1, params)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--lr', type=float, default=0.1)
    parser.add_argument('--momentum', type=float, default=0.9)
    parser.add_argument('--weight_decay', type=float, default=5e-4)
    parser.add_argument('--epochs', type=int, default=15)
    args = parser.parse_args()

    model = CNN()
    params = model.init(jax.random.PRNGKey(0), jnp.ones((1, 28, 28, 1)))['params']
    tx = optax.chain(
        optax.add_decayed_weights(args.weight_decay, mask=kernel_mask),
        optax.sgd(args.lr, momentum=args.momentum),
    )
    opt_state = tx.init(params)

    def loss_fn(params, x, y):
        logits = model.apply({'params': params}, x)
        return optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()

    @jax.jit
    def update(params, opt_state, x, y):
        loss, grads = jax.value_and_grad(loss_fn)(params, x, y)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    for epoch in range(args.epochs):
        for x, y in load_mnist_batches(batch_size=256):
            params, opt_state, loss = update(params, opt_state, x, y)
        print(epoch, float(loss))


if __name__ == '__main__':
    main()
