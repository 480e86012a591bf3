# Idiom seen in: martin-marek/bnn-project core/sgd.py
# Idiom seen in: martin-marek/bnn-project core/distributions.py
# What it reproduces: MAP pre-training of a BNN before HMC with jax.value_and_grad(has_aux=True);
#   the user moved the prior term into the aux metrics "for logging" and returns only the NLL as
#   the loss, so the Gaussian prior (the L2 decay) is computed and never differentiated.
import argparse

import jax
import jax.numpy as jnp
import optax

from distributions import make_gaussian_log_likelihood, make_gaussian_neg_log_prior
from models import make_mlp
from datasets import load_uci


def train_map(params, predict_fn, x, y, n_epochs, lr, prior_std):
    log_likelihood = make_gaussian_log_likelihood(predict_fn)
    neg_log_prior = make_gaussian_neg_log_prior(prior_std)

    def loss_fn(params):
        nll = -log_likelihood(params, x, y)
        nlp = neg_log_prior(params)  # expect: WD104
        return nll, {"nll": nll, "neg_log_prior": nlp}

    tx = optax.sgd(optax.exponential_decay(lr, n_epochs, 0.01))
    opt_state = tx.init(params)

    @jax.jit
    def step(params, opt_state):
        (loss, aux), grads = jax.value_and_grad(loss_fn, has_aux=True)(params)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, aux

    history = []
    for _ in range(n_epochs):
        params, opt_state, aux = step(params, opt_state)
        history.append(aux)
    return params, history


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default="protein")
    parser.add_argument("--epochs", type=int, default=5000)
    parser.add_argument("--lr", type=float, default=1e-5)
    parser.add_argument("--prior_std", type=float, default=1.0)
    args = parser.parse_args()

    x, y = load_uci(args.dataset)
    init_fn, predict_fn = make_mlp([50, 50, 2])
    params = init_fn(jax.random.PRNGKey(0), x.shape[1])
    params, history = train_map(params, predict_fn, x, y, args.epochs, args.lr, args.prior_std)
    print("final nll", float(history[-1]["nll"]), "prior", float(history[-1]["neg_log_prior"]))


if __name__ == "__main__":
    main()
