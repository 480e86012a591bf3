# Idiom seen in: michael-diggin/jax-transformer opt.py
# Idiom seen in: michael-diggin/jax-transformer training.py
# What it reproduces: the repo's hand-rolled VanillaSGD replaced by an optax chain in which
#   add_decayed_weights (masked to matrices) comes BEFORE sgd with momentum, so the decay is scaled
#   by -lr like the gradient (lr*wd = 0.1*5e-4); the loss holds no explicit penalty; clean.
import argparse

import jax
import jax.numpy as jnp
import optax

import model as mdl
from data import TextDataset


def build_optimizer(lr, momentum, weight_decay, warm_up, max_iters):
    schedule = optax.warmup_cosine_decay_schedule(0.0, lr, warm_up, max_iters)
    mask = lambda params: jax.tree_util.tree_map(lambda p: p.ndim >= 2, params)
    return optax.chain(
        optax.clip_by_global_norm(1.0),
        optax.add_decayed_weights(weight_decay, mask=mask),
        optax.sgd(schedule, momentum=momentum),
    )


def cross_entropy(params, tokens, targets):
    logits = mdl.forward(params, tokens)
    return optax.softmax_cross_entropy_with_integer_labels(logits, targets).mean()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--momentum", type=float, default=0.9)
    parser.add_argument("--weight_decay", type=float, default=5e-4)
    parser.add_argument("--max_iters", type=int, default=50_000)
    args = parser.parse_args()

    params = mdl.init_params(jax.random.PRNGKey(0), vocab=512, d_model=256, n_layers=4)
    tx = build_optimizer(args.lr, args.momentum, args.weight_decay, 1000, args.max_iters)
    opt_state = tx.init(params)

    @jax.jit
    def train_step(params, opt_state, tokens, targets):
        loss, grads = jax.value_and_grad(cross_entropy)(params, tokens, targets)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    ds = TextDataset("train.txt", seq_len=128)
    for it, (tokens, targets) in enumerate(ds.batches(64)):
        if it >= args.max_iters:
            break
        params, opt_state, loss = train_step(params, opt_state, jnp.asarray(tokens), jnp.asarray(targets))
        if it % 200 == 0:
            print(it, float(loss))


if __name__ == "__main__":
    main()
