# Idiom seen in: zxygentoo/fpga-midi-gen jax/train.py
# What it reproduces: the shared update_rule() factory of that repo: clip, then optax.adamw under a
#   warmup-cosine schedule, weight_decay passed straight through with no mask, so biases, LayerNorm
#   scales and embeddings decay as well (the repository's own code has no mask either).
import argparse
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
import optax

from ar_model import init_model, apply_model
from midi_data import token_batches


def learning_rates(peak, warmup, total):
    if warmup == 0:
        curve = optax.constant_schedule(peak)
    elif total <= warmup:
        curve = optax.linear_schedule(0.0, peak, warmup)
    else:
        curve = optax.warmup_cosine_decay_schedule(0.0, peak, warmup, total, 0.0)
    return lambda count: curve(count + 1)


def update_rule(*, peak, warmup, total, clip, weight_decay):
    adam = optax.adamw(
        learning_rate=learning_rates(peak, warmup, total),
        b1=0.9,
        b2=0.999,
        eps=1e-8,
        weight_decay=weight_decay,  # expect: WD203
    )
    if clip <= 0.0:
        return adam
    return optax.chain(optax.clip_by_global_norm(clip), adam)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=20000)
    p.add_argument("--warmup", type=int, default=500)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--wd", type=float, default=0.1)
    p.add_argument("--clip", type=float, default=1.0)
    p.add_argument("--out", type=str, default="runs/era4")
    args = p.parse_args()

    key = jax.random.PRNGKey(0)
    params = init_model(key)
    tx = update_rule(peak=args.lr, warmup=args.warmup, total=args.steps,
                     clip=args.clip, weight_decay=args.wd)
    opt_state = tx.init(params)

    def loss_fn(params, tokens):
        logits = apply_model(params, tokens[:, :-1])
        return optax.softmax_cross_entropy_with_integer_labels(logits, tokens[:, 1:]).mean()

    @jax.jit
    def step(params, opt_state, tokens):
        loss, grads = jax.value_and_grad(loss_fn)(params, tokens)
        updates, opt_state = tx.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    for i, tokens in enumerate(token_batches(args.steps)):
        params, opt_state, loss = step(params, opt_state, jnp.asarray(tokens))
        if i % 100 == 0:
            print(f"step {i} loss {float(loss):.4f}")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    np.save(Path(args.out) / "params.npy", jax.device_get(params), allow_pickle=True)


if __name__ == "__main__":
    main()
