# Idiom seen in: jeremiecoullon/SGMCMCJax sgmcmcjax/examples/gauss_optimize.py
# Idiom seen in: jeremiecoullon/SGMCMCJax sgmcmcjax/optimizer.py
# What it reproduces: MAP estimate with optax before SG-MCMC sampling. The repo maximizes
#   loglik + logprior; turning it into a loss to minimize, the user negates only the likelihood and
#   subtracts the Gaussian prior penalty, so the "prior" pushes theta away from 0 (negative decay).
import jax
import jax.numpy as jnp
import optax
from jax import random

N, D = 10_000, 100
BATCH_SIZE = 1_000
PRIOR_PRECISION = 0.01
LEARNING_RATE = 1e-2


def loglikelihood(theta, x):
    return -0.5 * jnp.dot(x - theta, x - theta)


def loss_fn(theta, x_batch):
    loglik = jnp.sum(jax.vmap(loglikelihood, in_axes=(None, 0))(theta, x_batch)) * N / BATCH_SIZE
    return -loglik - 0.5 * PRIOR_PRECISION * jnp.dot(theta, theta)  # expect: WD302


def build_optax_map(opt, data, n_iters):
    grad_fn = jax.jit(jax.value_and_grad(loss_fn))

    def run(key, params):
        state = opt.init(params)
        losses = []
        for i in range(n_iters):
            key, sub = random.split(key)
            idx = random.choice(sub, data.shape[0], (BATCH_SIZE,), replace=False)
            loss, g = grad_fn(params, data[idx])
            updates, state = opt.update(g, state, params)
            params = optax.apply_updates(params, updates)
            losses.append(loss)
        return params, jnp.stack(losses)

    return run


if __name__ == "__main__":
    key = random.PRNGKey(0)
    mu_true = random.normal(key, (D,))
    X_data = random.normal(key, shape=(N, D)) + mu_true
    run_map = build_optax_map(optax.adam(LEARNING_RATE), X_data, 5_000)
    params, losses = run_map(key, jnp.zeros(D))
    print("distance to mu_true", float(jnp.linalg.norm(params - mu_true)))
