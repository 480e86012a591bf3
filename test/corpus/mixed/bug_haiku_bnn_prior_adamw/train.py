# Idiom seen in: reneaas/BNN-Estimation-of-NLO-Cross-Sections final_codes/code/jax/haiku_bnn.py
# What it reproduces: the repo's MLE/MAP pre-fit (likelihood + Gaussian prior, then HMC) moved
#   from jax.example_libraries Adam to optax.adamw with weight_decay; the prior penalty is still in
#   the loss, so the parameters are decayed twice (penalty gradient + AdamW's own decay).
import argparse

import haiku as hk
import jax
import jax.numpy as jnp
import numpy as np
import optax

from model import neg_log_likelihood, neg_log_prior

LAMB = 1e-3


def mle_fit(params, nll_fn, x, y, epochs, lr, weight_decay):
    mask = jax.tree_util.tree_map(lambda p: p.ndim > 1, params)
    tx = optax.adamw(lr, weight_decay=weight_decay, mask=mask)
    opt_state = tx.init(params)

    def potential_energy(p):
        return nll_fn.apply(p, x, y) + neg_log_prior(p, LAMB)  # expect: WD201

    @jax.jit
    def step(p, s):
        loss, grads = jax.value_and_grad(potential_energy)(p)
        updates, s = tx.update(grads, s, p)
        return optax.apply_updates(p, updates), s, loss

    for epoch in range(epochs):
        params, opt_state, loss = step(params, opt_state)
        if epoch % 100 == 0:
            print(epoch, float(loss))
    return params


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=1000)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--weight_decay", type=float, default=1e-4)
    args = parser.parse_args()

    nll_fn = hk.without_apply_rng(hk.transform(neg_log_likelihood))
    x = np.random.normal(size=(2500, 1), scale=2.0)
    y = x * np.cos(x) * np.sin(x)
    params = nll_fn.init(jax.random.PRNGKey(42), x, y)
    params = mle_fit(params, nll_fn, jnp.asarray(x), jnp.asarray(y), args.epochs, args.lr, args.weight_decay)


if __name__ == "__main__":
    main()
