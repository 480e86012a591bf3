# Idiom seen in: reneaas/BNN-Estimation-of-NLO-Cross-Sections final_codes/code/jax/haiku_bnn.py
# What it reproduces: haiku MLP likelihood and the Gaussian prior term 0.5*lamb*sum(w**2) of the
#   repo's BNN (the prior is an L2 penalty on every parameter); the double decay is in train.py.
import haiku as hk
import jax
import jax.numpy as jnp


def _mlp():
    return hk.Sequential([
        hk.Linear(10), jax.nn.relu,
        hk.Linear(10), jax.nn.relu,
        hk.Linear(10), jax.nn.relu,
        hk.Linear(1),
    ])


def neg_log_likelihood(x, y):
    y_pred = _mlp()(x)
    return 0.5 * jnp.sum((y - y_pred) ** 2)


def forward(x):
    return _mlp()(x)


def neg_log_prior(params, lamb=1e-3):
    return 0.5 * lamb * sum(jnp.sum(w ** 2) for w in jax.tree_util.tree_leaves(params))
