# Idiom seen in: DominicTanzillo/SSSASS_working Base_Case/helper_functions.py
# What it reproduces: pure-JAX MLP of (W, b) tuples trained with plain optax.sgd (no optimizer decay) and a
#   hand-written L2 penalty on the weight matrices only, added to the loss that is differentiated. Clean.
import itertools

import jax
import jax.numpy as np
import jax.random as random
import optax

from h5_loader import load_arrays

STEP_SIZE = 0.01
L2_REG = 1e-4


def random_layer_params(m, n, key, scale=1e-2):
    w_key, b_key = random.split(key)
    return scale * random.normal(w_key, (n, m)), scale * random.normal(b_key, (n,))


def init_network_params(sizes, key):
    keys = random.split(key, len(sizes))
    return [random_layer_params(m, n, k) for m, n, k in zip(sizes[:-1], sizes[1:], keys)]


def predict(params, inputs):
    x = inputs
    for w, b in params[:-1]:
        x = jax.nn.relu(np.dot(x, w.T) + b)
    w, b = params[-1]
    return np.dot(x, w.T) + b


def loss(params, batch):
    inputs, targets = batch
    data_loss = np.mean((targets - predict(params, inputs)) ** 2)
    weight_l2 = sum(np.sum(w ** 2) for w, _ in params)
    return data_loss + L2_REG * weight_l2


params = init_network_params([20, 64, 64, 1], random.PRNGKey(0))
opt = optax.sgd(STEP_SIZE)
opt_state = opt.init(params)


@jax.jit
def update(params, opt_state, batch):
    grads = jax.grad(loss)(params, batch)
    updates, opt_state = opt.update(grads, opt_state, params)
    return optax.apply_updates(params, updates), opt_state


X, Y = load_arrays("base_case.h5")
for i in itertools.count():
    idx = (i * 64) % (X.shape[0] - 64)
    params, opt_state = update(params, opt_state, (X[idx:idx + 64], Y[idx:idx + 64]))
    if i == 5000:
        break
