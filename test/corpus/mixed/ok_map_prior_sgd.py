# Idiom seen in: martin-marek/bnn-project core/sgd.py
# Idiom seen in: martin-marek/bnn-project core/distributions.py
# What it reproduces: MAP training with a hand-written SGD in lax.fori_loop whose loss is the
#   negative log posterior: Gaussian NLL plus the Gaussian prior 0.5*|theta|^2/std^2 (an L2 term
#   with lr*wd = 1e-4*1 at the start of the exponential schedule); clean.
import jax
import jax.numpy as jnp

from models import make_mlp
from datasets import load_uci

PRIOR_STD = 1.0


def gaussian_log_pdf(y, mean, std):
    return -0.5 * jnp.log(std ** 2 * 2 * jnp.pi) - 0.5 * ((y - mean) / std) ** 2


def make_log_posterior(predict_fn, x, y, prior_std):
    def log_posterior(params):
        y_hat = predict_fn(x, params)
        log_lik = jnp.sum(gaussian_log_pdf(y, y_hat[:, 0], jnp.exp(y_hat[:, 1])))
        sq = sum(jnp.sum(p ** 2) for p in jax.tree_util.tree_leaves(params))
        log_prior = -0.5 * sq / prior_std ** 2
        return log_lik + log_prior
    return log_posterior


def train_sgd(params, log_posterior_fn, n_epochs, lr_start, lr_stop):
    def loss_fn(params):
        return -log_posterior_fn(params)

    lr_decay = (lr_stop / lr_start) ** (1 / n_epochs)

    def step(i, carry):
        params, loss_history = carry
        lr = lr_start * lr_decay ** i
        loss, grads = jax.value_and_grad(loss_fn)(params)
        params = jax.tree_util.tree_map(lambda p, g: p - lr * g, params, grads)
        return params, loss_history.at[i].set(loss)

    loss_history = jnp.zeros(n_epochs)
    return jax.lax.fori_loop(0, n_epochs, step, (params, loss_history))


if __name__ == "__main__":
    x, y = load_uci("concrete")
    init_fn, predict_fn = make_mlp([50, 50, 2])
    params = init_fn(jax.random.PRNGKey(1), x.shape[1])
    log_post = make_log_posterior(predict_fn, x, y, PRIOR_STD)
    params, hist = train_sgd(params, log_post, n_epochs=10_000, lr_start=1e-4, lr_stop=1e-6)
    print("final -log posterior", float(hist[-1]))
