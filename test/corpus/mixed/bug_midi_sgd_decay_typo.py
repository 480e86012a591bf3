# Idiom seen in: zxygentoo/fpga-midi-gen jax/train.py
# What it reproduces: the same update_rule() factory rewritten by a user for plain SGD with coupled
#   decay (add_decayed_weights before optax.sgd, masked to matrices); WEIGHT_DECAY = 5.0 is a
#   dropped exponent (5e-4): with the peak rate 0.5, lr*wd = 2.5 >= 1, decay flips the weights.
#   The repository itself uses adamw; this is a realistic user mistake in its idiom.
import jax
import jax.numpy as jnp
import optax

from ar_model import init_model, apply_model
from midi_data import token_batches

PEAK_LR = 0.5
WARMUP = 200
TOTAL = 10000
WEIGHT_DECAY = 5.0  # expect: WD301


def learning_rates(peak, warmup, total):
    curve = optax.warmup_cosine_decay_schedule(0.0, peak, warmup, total, 0.0)
    return lambda count: curve(count + 1)


def matrices_only(params):
    return jax.tree_util.tree_map(lambda p: p.ndim >= 2, params)


def update_rule(*, peak, warmup, total, clip, weight_decay):
    sgd = optax.chain(
        optax.add_decayed_weights(weight_decay, mask=matrices_only),
        optax.sgd(learning_rate=learning_rates(peak, warmup, total)),
    )
    if clip <= 0.0:
        return sgd
    return optax.chain(optax.clip_by_global_norm(clip), sgd)


def train():
    params = init_model(jax.random.PRNGKey(1))
    tx = update_rule(peak=PEAK_LR, warmup=WARMUP, total=TOTAL, clip=0.0,
                     weight_decay=WEIGHT_DECAY)
    opt_state = tx.init(params)

    def loss_fn(p, tokens):
        logits = apply_model(p, tokens[:, :-1])
        return optax.softmax_cross_entropy_with_integer_labels(logits, tokens[:, 1:]).mean()

    @jax.jit
    def step(p, s, tokens):
        loss, grads = jax.value_and_grad(loss_fn)(p, tokens)
        updates, s = tx.update(grads, s, p)
        return optax.apply_updates(p, updates), s, loss

    for i, tokens in enumerate(token_batches(TOTAL)):
        params, opt_state, loss = step(params, opt_state, jnp.asarray(tokens))
        if i % 200 == 0:
            print(i, float(loss))
    return params


if __name__ == "__main__":
    train()
