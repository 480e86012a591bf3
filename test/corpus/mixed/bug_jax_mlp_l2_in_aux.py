# Idiom seen in: morikatron/snippet jax_sample/mnist_sample.py
# What it reproduces: the blog's pure-JAX MLP (params as a list of (w, b) tuples, hand-written SGD update),
#   extended by a user with an L2 term that is returned only among the has_aux outputs of the
#   differentiated loss: it is printed but never trained (WD104).
import time

import jax
import jax.numpy as jnp
from jax import jit, random
from sklearn import datasets
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder

BATCH_SIZE = 512
NUM_UNITS = [64, 64]
NUM_EPOCHS = 20
LEARNING_RATE = 0.01
L2_COEF = 1e-4
SEED = 1234


def softmax(x):
    x = x - jnp.max(x, axis=1, keepdims=True)
    return jnp.exp(x) / jnp.sum(jnp.exp(x), axis=1, keepdims=True)


def cross_entropy(x, y):
    return jnp.sum(- y * jnp.log(x + 1e-8), axis=1)


@jit
def mlp_predict(params, x):
    w, b = params[0]
    x = jnp.dot(x, w) + b
    for w, b in params[1:]:
        x = jnp.maximum(0, x)
        x = jnp.dot(x, w) + b
    return softmax(x)


def mlp_loss(params, x, y):
    probs = mlp_predict(params, x)
    loss = jnp.mean(cross_entropy(probs, y))
    l2 = L2_COEF * sum(jnp.sum(w ** 2) for w, _ in params)  # expect: WD104
    return loss, l2


@jit
def apply_grads(params, grads, lr=LEARNING_RATE):
    return [(w - gw * lr, b - gb * lr) for (w, b), (gw, gb) in zip(params, grads)]


def init_mlp_params(input_size, output_size, num_units, seed=0):
    params = []
    key = random.PRNGKey(seed)
    last_out = input_size
    for unit in num_units + [output_size]:
        key, subkey = random.split(key)
        w = random.normal(key, (last_out, unit)) * jnp.sqrt(2 / last_out)
        b = jnp.zeros((unit,))
        params.append((w, b))
        last_out = unit
    return params


def train_one_epoch(params, X_train, y_train, epoch):
    idx_all = random.permutation(random.PRNGKey(epoch), jnp.arange(X_train.shape[0]))
    for idx in range(0, X_train.shape[0], BATCH_SIZE):
        mb = idx_all[idx:idx + BATCH_SIZE]
        (loss, l2), grads = jax.value_and_grad(mlp_loss, has_aux=True)(params, X_train[mb], y_train[mb])
        params = apply_grads(params, grads)
    return loss, l2, params


if __name__ == '__main__':
    digits = datasets.load_digits()
    X = jnp.array(digits.data / 16.0)
    y = jnp.array(OneHotEncoder(sparse=False).fit_transform(digits.target.reshape(-1, 1)))
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)
    params = init_mlp_params(X.shape[1], 10, NUM_UNITS, SEED)
    for epoch in range(NUM_EPOCHS):
        start = time.time()
        loss, l2, params = train_one_epoch(params, X_train, y_train, epoch)
        print(f'epoch {epoch}: loss {loss:.4f} l2 {l2:.5f} ({time.time() - start:.1f}s)')
