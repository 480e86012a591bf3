# Idiom seen in: d2l-ai/d2l-en chapter_linear-regression/weight-decay.md
# What it reproduces: the "weight decay" notebook done in JAX, Jupyter-style (# %% cells): linear
#   regression with 200 inputs and 20 training examples. From scratch, lambd * l2_penalty(w) (w only, not b)
#   is added to the squared loss and minimized by hand-written minibatch SGD; run once with lambd=0 and once
#   with lambd=3. The concise cell chains optax.add_decayed_weights, masked to the Dense kernel, before
#   optax.sgd (the same coupled L2 as torch SGD(weight_decay=...) on the weight only).
# label-note: clean. Only w / the kernel is decayed (no WD203); plain SGD with lr*wd = 0.01*3 = 0.03;
#   train_scratch(0) is one of two calls (the other passes 3), so the penalty is not dead code (no WD303).
#   The l2_penalty(...) inside print() reports the trained weights' norm (as the d2l notebook does); it is a
#   measurement after training, not a decay term, so it is not a WD104.

# %%
import jax
import jax.numpy as jnp
import numpy as np
import optax
from flax import linen as nn, traverse_util

# %%  data: y = 0.05 + sum_i 0.01 x_i + noise, d = 200, 20 training examples
num_train, num_val, num_inputs, batch_size = 20, 100, 200, 5
rng = np.random.default_rng(0)
X = rng.normal(size=(num_train + num_val, num_inputs)).astype(np.float32)
y = X @ (np.ones((num_inputs, 1), np.float32) * 0.01) + 0.05 + rng.normal(size=(num_train + num_val, 1)) * 0.01
X_train, y_train, X_val, y_val = X[:num_train], y[:num_train], X[num_train:], y[num_train:]


def minibatches(X, y, batch_size, seed):
    idx = np.random.default_rng(seed).permutation(len(X))
    for i in range(0, len(X), batch_size):
        yield X[idx[i : i + batch_size]], y[idx[i : i + batch_size]]


# %%  implementation from scratch
def l2_penalty(w):
    return jnp.sum(w**2) / 2


def squared_loss(params, X, y):
    return jnp.mean((X @ params["w"] + params["b"] - y) ** 2 / 2)


def train_scratch(lambd, lr=0.01, num_epochs=10):
    params = {"w": 0.01 * jax.random.normal(jax.random.PRNGKey(1), (num_inputs, 1)), "b": jnp.zeros(1)}

    def loss(params, X, y):
        return squared_loss(params, X, y) + lambd * l2_penalty(params["w"])

    grad_fn = jax.jit(jax.grad(loss))
    for epoch in range(num_epochs):
        for Xb, yb in minibatches(X_train, y_train, batch_size, seed=epoch):
            grads = grad_fn(params, Xb, yb)
            params = jax.tree_util.tree_map(lambda p, g: p - lr * g, params, grads)
    print("L2 norm of w:", float(l2_penalty(params["w"])), "val loss:", float(squared_loss(params, X_val, y_val)))


# %%
train_scratch(0)

# %%
train_scratch(3)

# %%  concise implementation
def train_concise(wd, lr=0.01, num_epochs=10):
    model = nn.Dense(1, kernel_init=nn.initializers.normal(0.01))
    params = model.init(jax.random.PRNGKey(2), X_train[:1])["params"]
    kernel_only = traverse_util.path_aware_map(lambda path, _: path[-1] == "kernel", params)
    tx = optax.chain(optax.add_decayed_weights(wd, mask=kernel_only), optax.sgd(lr))
    opt_state = tx.init(params)
    @jax.jit
    def step(params, opt_state, Xb, yb):
        grads = jax.grad(lambda p: jnp.mean((model.apply({"params": p}, Xb) - yb) ** 2 / 2))(params)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state

    for epoch in range(num_epochs):
        for Xb, yb in minibatches(X_train, y_train, batch_size, seed=epoch):
            params, opt_state = step(params, opt_state, Xb, yb)
    print("L2 norm of w:", float(l2_penalty(params["kernel"])))


# %%
train_concise(wd=3)
