# Idiom seen in: cottrell/notebooks jax/haiku_examples_2.py
# What it reproduces: the notebook's hand-rolled momentum/scale update moved to an optax chain: scale_by_adam, then
# add_decayed_weights masked to the "w" leaves, then the -lr scaling. Decoupled (AdamW-style), masked decay: clean.
import functools

import haiku as hk
import jax
import jax.numpy as jnp
import optax
from absl import app, flags

from lm_data import make_batches

flags.DEFINE_float("lr", 3e-4, "peak learning rate")
flags.DEFINE_float("weight_decay", 1e-2, "decoupled decay applied to weight matrices")
flags.DEFINE_integer("steps", 20000, "number of updates")
FLAGS = flags.FLAGS


def build_forward_fn(vocab_size, d_model, num_layers):
    def forward_fn(tokens, is_training=True):
        x = hk.Embed(vocab_size, d_model)(tokens)
        for _ in range(num_layers):
            h = hk.LayerNorm(axis=-1, create_scale=True, create_offset=True)(x)
            h = hk.MultiHeadAttention(num_heads=4, key_size=d_model // 4, w_init_scale=1.0)(h, h, h)
            x = x + h
            h = hk.LayerNorm(axis=-1, create_scale=True, create_offset=True)(x)
            x = x + hk.nets.MLP([4 * d_model, d_model])(h)
        return hk.Linear(vocab_size)(x)
    return forward_fn


def lm_loss_function(forward_fn, params, rng, data, is_training=True):
    logits = forward_fn.apply(params, rng, data["obs"], is_training)
    targets = jax.nn.one_hot(data["target"], logits.shape[-1])
    return -jnp.mean(jnp.sum(targets * jax.nn.log_softmax(logits), axis=-1))


def w_only(params):
    return hk.data_structures.map(lambda module_name, name, value: name == "w", params)


def main(_):
    forward_fn = hk.transform(build_forward_fn(vocab_size=256, d_model=128, num_layers=4))
    loss_fn = functools.partial(lm_loss_function, forward_fn)
    batches = make_batches(batch_size=32, seq_len=128)

    rng = jax.random.PRNGKey(0)
    params = forward_fn.init(rng, next(batches)["obs"])

    schedule = optax.warmup_cosine_decay_schedule(0.0, FLAGS.lr, 1000, FLAGS.steps)
    optimizer = optax.chain(
        optax.clip_by_global_norm(1.0),
        optax.scale_by_adam(b1=0.9, b2=0.99),
        optax.add_decayed_weights(FLAGS.weight_decay, mask=w_only),
        optax.scale_by_schedule(schedule),
        optax.scale(-1.0),
    )
    opt_state = optimizer.init(params)

    @jax.jit
    def train_step(params, opt_state, rng, batch):
        loss_value, grads = jax.value_and_grad(loss_fn)(params, rng, batch)
        updates, opt_state = optimizer.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss_value

    for step in range(FLAGS.steps):
        rng, step_rng = jax.random.split(rng)
        params, opt_state, loss_value = train_step(params, opt_state, step_rng, next(batches))
        if step % 200 == 0:
            print(step, float(loss_value))


if __name__ == "__main__":
    app.run(main)
