# Idiom seen in: probml/probml-notebooks notebooks/haiku_intro.ipynb
# What it reproduces: the Haiku intro's MLP classifier (hk.transform, optax.adam, jitted update) with the
#   classic explicit L2 on the weight matrices only ('w' leaves) added inside the loss that jax.grad
#   differentiates; Adam itself has no weight decay, so the penalty is the only decay: clean.
from typing import Iterator, NamedTuple

import haiku as hk
import jax
import jax.numpy as jnp
import numpy as np
import optax

from fashion_data import load_dataset

L2_REGULARIZER = 1e-4
LEARNING_RATE = 1e-3


class Batch(NamedTuple):
    image: np.ndarray
    label: np.ndarray


def net_fn(batch: Batch) -> jnp.ndarray:
    x = batch.image.astype(jnp.float32) / 255.
    mlp = hk.Sequential([
        hk.Flatten(),
        hk.Linear(300), jax.nn.relu,
        hk.Linear(100), jax.nn.relu,
        hk.Linear(10),
    ])
    return mlp(x)


net = hk.without_apply_rng(hk.transform(net_fn))
opt = optax.adam(LEARNING_RATE)


def loss(params: hk.Params, batch: Batch) -> jnp.ndarray:
    logits = net.apply(params, batch)
    labels = jax.nn.one_hot(batch.label, 10)
    weights = hk.data_structures.filter(lambda module_name, name, value: name == "w", params)
    l2_loss = 0.5 * sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(weights))
    softmax_xent = -jnp.sum(labels * jax.nn.log_softmax(logits)) / labels.shape[0]
    return softmax_xent + L2_REGULARIZER * l2_loss


@jax.jit
def accuracy(params: hk.Params, batch: Batch) -> jnp.ndarray:
    predictions = net.apply(params, batch)
    return jnp.mean(jnp.argmax(predictions, axis=-1) == batch.label)


@jax.jit
def update(params: hk.Params, opt_state: optax.OptState, batch: Batch):
    grads = jax.grad(loss)(params, batch)
    updates, opt_state = opt.update(grads, opt_state)
    new_params = optax.apply_updates(params, updates)
    return new_params, opt_state


def main():
    train: Iterator[Batch] = load_dataset("train", is_training=True, batch_size=1000)
    test: Iterator[Batch] = load_dataset("test", is_training=False, batch_size=10000)
    params = net.init(jax.random.PRNGKey(42), next(train))
    opt_state = opt.init(params)
    for step in range(3001):
        if step % 500 == 0:
            print(f"[step {step}] test accuracy: {float(accuracy(params, next(test))):.3f}")
        params, opt_state = update(params, opt_state, next(train))


if __name__ == "__main__":
    main()
