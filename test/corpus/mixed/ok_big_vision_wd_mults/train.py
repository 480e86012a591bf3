# Idiom seen in: google-research/big_vision big_vision/train.py
# Idiom seen in: google-research/big_vision big_vision/optax.py
# What it reproduces: the trainer differentiates the plain softmax cross-entropy and lets the optax
# chain from bv_optax.make apply the (masked, decoupled) weight decay through tx.update(..., params).
# Clean.
import functools

from absl import app, flags
import jax
import jax.numpy as jnp
import optax
from ml_collections import config_flags

import bv_optax
from models import vit
from input_pipeline import make_train_iterator

config_flags.DEFINE_config_file('config', None, 'Training configuration.', lock_config=True)
FLAGS = flags.FLAGS


def main(argv):
    del argv
    config = FLAGS.config
    model = vit.Model(num_classes=config.num_classes, **config.model)
    rng = jax.random.PRNGKey(config.seed)
    dummy = jnp.zeros((1, 224, 224, 3), jnp.float32)
    params = model.init(rng, dummy)['params']

    train_iter, steps_per_epoch = make_train_iterator(config.input)
    total_steps = config.total_epochs * steps_per_epoch
    tx, sched_fn = bv_optax.make(config, params, sched_kw=dict(total_steps=total_steps))
    opt_state = tx.init(params)

    @functools.partial(jax.jit, donate_argnums=(0, 1))
    def update_fn(params, opt_state, batch, rng):
        rng, dropout_rng = jax.random.split(rng)

        def loss_fn(params):
            logits, _ = model.apply({'params': params}, batch['image'], train=True,
                                    rngs={'dropout': dropout_rng})
            return optax.softmax_cross_entropy(logits, batch['labels']).mean()

        loss, grads = jax.value_and_grad(loss_fn)(params)
        updates, opt_state = tx.update(grads, opt_state, params)
        params = optax.apply_updates(params, updates)
        return params, opt_state, loss, rng

    for step, batch in zip(range(total_steps), train_iter):
        params, opt_state, loss, rng = update_fn(params, opt_state, batch, rng)
        if step % 100 == 0:
            print(f'step {step}: loss {float(loss):.4f} lr {float(sched_fn(step)) * config.lr:.2e}')


if __name__ == '__main__':
    app.run(main)
