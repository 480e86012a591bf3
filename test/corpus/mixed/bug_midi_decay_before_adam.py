# Idiom seen in: zxygentoo/fpga-midi-gen jax/train.py
# What it reproduces: the update_rule() factory written as an explicit chain, with
#   add_decayed_weights placed BEFORE optax.adam and without a mask: coupled L2 under Adam's
#   adaptive scaling (not the decoupled decay the docstring promises), on biases and norms too.
#   The repository uses optax.adamw; this is a realistic user rewrite in its idiom.
import jax
import jax.numpy as jnp
import optax

from ar_model import init_model, apply_model
from midi_data import token_batches

CONFIG = {
    "peak": 1e-3,
    "warmup": 1000,
    "total": 50000,
    "clip": 1.0,
    "weight_decay": 1e-4,
}


def learning_rates(peak, warmup, total):
    curve = optax.warmup_cosine_decay_schedule(0.0, peak, warmup, total, 0.0)
    return lambda count: curve(count + 1)


def update_rule(*, peak, warmup, total, clip, weight_decay):
    """The global-norm clip, then Adam with weight decay under the schedule."""
    parts = []
    if clip > 0.0:
        parts.append(optax.clip_by_global_norm(clip))
    parts.append(optax.add_decayed_weights(weight_decay))  # expect: WD202, WD203
    parts.append(optax.adam(learning_rate=learning_rates(peak, warmup, total), b1=0.9, b2=0.999))
    return optax.chain(*parts)


def main():
    params = init_model(jax.random.PRNGKey(0))
    tx = update_rule(**CONFIG)
    opt_state = tx.init(params)

    def loss_fn(p, tokens):
        logits = apply_model(p, tokens[:, :-1])
        return optax.softmax_cross_entropy_with_integer_labels(logits, tokens[:, 1:]).mean()

    @jax.jit
    def step(p, s, tokens):
        loss, grads = jax.value_and_grad(loss_fn)(p, tokens)
        updates, s = tx.update(grads, s, p)
        return optax.apply_updates(p, updates), s, loss

    for i, tokens in enumerate(token_batches(CONFIG["total"])):
        params, opt_state, loss = step(params, opt_state, jnp.asarray(tokens))
        if i % 500 == 0:
            print(f"{i}: {float(loss):.4f}")


if __name__ == "__main__":
    main()
