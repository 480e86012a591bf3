# Idiom seen in: evanatyourservice/FastAdaBelief-optax README.md (`mask = partial(hk.data_structures.map,
#   lambda mname, name, val: name == 'w')`); google-deepmind/dm-haiku examples/imagenet/train.py (absl main)
# What it reproduces: absl training script for the haiku network: optax.adamw with a warmup-cosine schedule
#   and a decay mask built as functools.partial(hk.data_structures.map, ...) that keeps only the 'w'
#   matrices, chained after global-norm clipping; the loss is the cross-entropy alone.
# label-note: clean. adamw is decoupled (no WD202); biases and LayerNorm scale/offset are masked out (no
#   WD203); there is no explicit L2 in the loss (no WD201).
import functools

from absl import app, flags, logging
import haiku as hk
import jax
import optax

import nets
from input_pipeline import load_dataset

flags.DEFINE_float("learning_rate", 1e-3, "Peak learning rate.")
flags.DEFINE_float("weight_decay", 0.05, "Decoupled weight decay for the weight matrices.")
flags.DEFINE_integer("warmup_steps", 1_000, "")
flags.DEFINE_integer("train_steps", 20_000, "")
flags.DEFINE_integer("batch_size", 128, "")
FLAGS = flags.FLAGS

network = nets.make_network()

# Only weight matrices ('w') are decayed; biases ('b') and LayerNorm 'scale'/'offset' are not.
decay_mask = functools.partial(hk.data_structures.map, lambda module_name, name, value: name == "w")


def make_optimizer():
    schedule = optax.warmup_cosine_decay_schedule(0.0, FLAGS.learning_rate, FLAGS.warmup_steps, FLAGS.train_steps)
    return optax.chain(
        optax.clip_by_global_norm(1.0),
        optax.adamw(schedule, weight_decay=FLAGS.weight_decay, mask=decay_mask),
    )


def loss_fn(params, rng, batch):
    logits = network.apply(params, rng, batch, is_training=True)
    return optax.softmax_cross_entropy_with_integer_labels(logits, batch["label"]).mean()


def make_train_step(optimizer):
    @jax.jit
    def train_step(params, opt_state, rng, batch):
        loss, grads = jax.value_and_grad(loss_fn)(params, rng, batch)
        updates, opt_state = optimizer.update(grads, opt_state, params)
        return optax.apply_updates(params, updates), opt_state, loss

    return train_step


def main(argv):
    del argv
    train_ds = load_dataset("train", batch_size=FLAGS.batch_size)
    rng_seq = hk.PRNGSequence(42)
    params = network.init(next(rng_seq), next(train_ds), is_training=True)
    optimizer = make_optimizer()
    opt_state = optimizer.init(params)
    train_step = make_train_step(optimizer)
    for step in range(FLAGS.train_steps):
        params, opt_state, loss = train_step(params, opt_state, next(rng_seq), next(train_ds))
        if step % 500 == 0:
            logging.info("step %d loss %.4f", step, float(loss))


if __name__ == "__main__":
    app.run(main)
