# Idiom seen in: google/fedjax fedjax/core/regularizers.py
# What it reproduces: an explicit L2 penalty on the kernels only (bias leaves skipped by path) inside the loss
# given to jax.grad, with a plain optax.sgd momentum optimizer that has no decay of its own. One decay, on the
# right leaves. Clean.
import flax.linen as nn
import jax
import jax.numpy as jnp
import optax
from flax import traverse_util

from emnist_data import load_client_batches

L2_WEIGHT = 5e-4


class MLP(nn.Module):
    @nn.compact
    def __call__(self, x):
        x = x.reshape((x.shape[0], -1))
        x = nn.relu(nn.Dense(200)(x))
        x = nn.relu(nn.Dense(200)(x))
        return nn.Dense(62)(x)


def kernel_l2(params):
    flat = traverse_util.flatten_dict(params)
    return sum(jnp.sum(jnp.square(v)) for k, v in flat.items() if k[-1] == "kernel")


def main():
    model = MLP()
    params = model.init(jax.random.PRNGKey(0), jnp.ones((1, 28, 28)))["params"]
    tx = optax.sgd(learning_rate=0.1, momentum=0.9)
    opt_state = tx.init(params)

    def loss_fn(params, batch):
        logits = model.apply({"params": params}, batch["x"])
        xent = optax.softmax_cross_entropy_with_integer_labels(logits, batch["y"]).mean()
        return xent + 0.5 * L2_WEIGHT * kernel_l2(params)

    @jax.jit
    def step(params, opt_state, batch):
        loss, grads = jax.value_and_grad(loss_fn)(params, batch)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    for epoch in range(10):
        for batch in load_client_batches("train"):
            params, opt_state, loss = step(params, opt_state, batch)


if __name__ == "__main__":
    main()
