# Idiom seen in: martin-marek/bnn-project core/distributions.py
# What it reproduces: factories for the Gaussian log-likelihood and the (negative log) Gaussian
#   prior of a BNN's parameters, i.e. an L2 penalty 0.5*|theta|^2/std^2; the bug is in train.py.
import jax
import jax.numpy as jnp


def gaussian_log_pdf(y, mean, std):
    return -0.5 * jnp.log(std ** 2 * 2 * jnp.pi) - 0.5 * ((y - mean) / std) ** 2


def make_gaussian_log_likelihood(predict_fn):
    def log_likelihood(params, x, y):
        y_hat = predict_fn(x, params)
        return jnp.sum(gaussian_log_pdf(y, y_hat[:, 0], jnp.exp(y_hat[:, 1])))
    return log_likelihood


def make_gaussian_neg_log_prior(std):
    def neg_log_prior(params):
        return 0.5 * sum(jnp.sum(p ** 2) for p in jax.tree_util.tree_leaves(params)) / std ** 2
    return neg_log_prior
