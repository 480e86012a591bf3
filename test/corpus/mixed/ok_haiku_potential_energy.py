# Idiom seen in: reneaas/BNN-Estimation-of-NLO-Cross-Sections final_codes/code/jax/haiku_bnn.py
# What it reproduces: haiku BNN pre-fit minimizing the potential energy (sum of squared errors
#   + 0.5*lamb*sum(w**2), the Gaussian prior) with plain optax.sgd and no optimizer decay; the prior
#   is the only L2 and it is in the differentiated loss (lr*lamb = 1e-4*1e-3); clean.
from functools import partial

import haiku as hk
import jax
import jax.numpy as jnp
import numpy as np
import optax


def forward(x):
    model = hk.Sequential([
        hk.Linear(10), jax.nn.relu,
        hk.Linear(10), jax.nn.relu,
        hk.Linear(1),
    ])
    return model(x)


forward_fn = hk.without_apply_rng(hk.transform(forward))


@partial(jax.jit, static_argnames=("lamb",))
def potential_energy(params, x, y, lamb=1e-3):
    y_pred = forward_fn.apply(params, x)
    prior = 0.5 * lamb * sum(jnp.sum(w ** 2) for w in jax.tree_util.tree_leaves(params))
    return prior + 0.5 * jnp.sum((y - y_pred) ** 2)


def main():
    x = np.random.normal(size=(2500, 1), loc=0.0, scale=2.0)
    y = x * np.cos(x) * np.sin(x)
    params = forward_fn.init(jax.random.PRNGKey(42), x)
    tx = optax.sgd(1e-4)
    opt_state = tx.init(params)

    @jax.jit
    def step(params, opt_state):
        loss, grads = jax.value_and_grad(potential_energy)(params, x, y)
        updates, opt_state = tx.update(grads, opt_state)
        return optax.apply_updates(params, updates), opt_state, loss

    for i in range(2000):
        params, opt_state, loss = step(params, opt_state)
        if i % 200 == 0:
            print(i, float(loss))


if __name__ == "__main__":
    main()
