# Idiom seen in: luffykai/nanogpt-jax train.py
# What it reproduces: a char-level nanoGPT trained with optax.adamw(learning_rate) (default weight_decay 1e-4, no mask: LayerNorm
# scales and biases decay too, WD203); a user adds an explicit L2 over tree_leaves(params) to the loss on top of it (double decay, WD201, user mistake).
from typing import List

import jax
import jax.numpy as jnp
import optax
from flax.training import train_state

from model import NanoGpt

rng = jax.random.PRNGKey(123)

# hyperparam
batch_size = 16
block_size = 32
n_embed = 64
n_head = 2
n_layer = 2
learning_rate = 0.001
dropout = 0.1
l2_coef = 1e-4  # regularize, the model overfits tiny shakespeare fast
# =====

with open("data/input.txt", "r", encoding="utf-8") as f:
    text = f.read()
chars = sorted(list(set(text)))
vocab_size = len(chars)
stoi = {ch: i for i, ch in enumerate(chars)}
itos = {i: ch for i, ch in enumerate(chars)}


def encode(s: str) -> List[int]:
    return [stoi[c] for c in s]


def decode(x: List[int]) -> str:
    return "".join([itos[i] for i in x])


data = jnp.array(encode(text))
n = int(0.9 * len(data))
train_data, val_data = data[:n], data[n:]


def get_batch(split: str, k):
    data = train_data if split == "train" else val_data
    idx = jax.random.randint(k, shape=(batch_size,), minval=0, maxval=len(data) - block_size)
    x = jnp.stack([data[i:i + block_size] for i in idx])
    y = jnp.stack([data[i + 1:i + block_size + 1] for i in idx])
    return x, y


rng, init_rng, dropout_rng, data_rng = jax.random.split(rng, 4)
example_x, example_y = get_batch("train", k=data_rng)
m = NanoGpt(vocab_size=vocab_size, n_embed=n_embed, block_size=block_size, n_layer=n_layer,
            n_head=n_head, training=True, dropout=dropout)
params = m.init({"params": init_rng, "dropout": dropout_rng}, example_x)
print(f"number of params: {sum(x.size for x in jax.tree.leaves(params))}")

optimizer = optax.adamw(learning_rate=learning_rate)  # expect: WD203


def calculate_loss(state: train_state.TrainState, params, batch, rng):
    x, y = batch
    logits = state.apply_fn(params, x, rngs={"dropout": rng})
    loss = optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()
    l2 = sum(jnp.sum(p ** 2) for p in jax.tree_util.tree_leaves(params))  # expect: WD201
    return loss + l2_coef * l2


@jax.jit
def train_step(state: train_state.TrainState, batch, drop_rng):
    grad_fn = jax.value_and_grad(calculate_loss, argnums=1)
    loss, grads = grad_fn(state, state.params, batch, drop_rng)
    return state.apply_gradients(grads=grads), loss


state = train_state.TrainState.create(apply_fn=m.apply, params=params, tx=optimizer)
for epoch in range(1000):
    rng, data_key, drop_rng = jax.random.split(rng, 3)
    state, loss = train_step(state, get_batch("train", data_key), drop_rng)
    if epoch % 100 == 0:
        rng, data_key = jax.random.split(rng, 2)
        val_loss = calculate_loss(state, state.params, get_batch("val", data_key), dropout_rng)
        print(f"train loss: {loss}, val loss: {val_loss}")
