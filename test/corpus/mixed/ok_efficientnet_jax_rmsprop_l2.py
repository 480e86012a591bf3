# Idiom seen in: rwightman/efficientnet-jax tf_linen_train.py
# Idiom seen in: rwightman/efficientnet-jax train_configs/default.py
# What it reproduces: the repo's recipe as shipped: TF-style RMSprop with no optimizer decay
# (opt_weight_decay = 0) and an explicit 0.5 * wd * sum(w**2) penalty over kernels (ndim > 1) added to
# the loss that jax.value_and_grad differentiates. Clean.
import functools

from absl import app, flags, logging
import jax
from jax import lax, random
import jax.numpy as jnp
import ml_collections
import optax
from flax.training import train_state

import input_pipeline
from models import create_model

FLAGS = flags.FLAGS
flags.DEFINE_string('model', 'tf_efficientnet_b0', 'Model name.')
flags.DEFINE_integer('num_epochs', 450, 'Epochs.')


def get_config():
    config = ml_collections.ConfigDict()
    config.batch_size = 256
    config.lr = 0.016
    config.label_smoothing = 0.1
    config.weight_decay = 1e-5  # l2 weight penalty added to loss
    config.opt_eps = .001
    config.opt_decay = 0.9
    config.opt_weight_decay = 0.  # weight decay not applied in opt, l2 penalty above is used
    return config


def cross_entropy_loss(logits, labels, label_smoothing=0.):
    num_classes = logits.shape[-1]
    onehot = jax.nn.one_hot(labels, num_classes)
    onehot = onehot * (1. - label_smoothing) + label_smoothing / num_classes
    return -jnp.mean(jnp.sum(onehot * jax.nn.log_softmax(logits), axis=-1))


def train_step(state, batch, label_smoothing, weight_decay):
    def loss_fn(params):
        logits = state.apply_fn({'params': params}, batch['image'], training=True)
        loss = cross_entropy_loss(logits, batch['label'], label_smoothing)
        kernels = [x for x in jax.tree_util.tree_leaves(params) if x.ndim > 1]
        weight_penalty = 0.5 * weight_decay * sum(jnp.sum(x ** 2) for x in kernels)
        return loss + weight_penalty, logits

    (loss, logits), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    grads = lax.pmean(grads, 'batch')
    return state.apply_gradients(grads=grads), lax.pmean(loss, 'batch')


def main(argv):
    config = get_config()
    model, params = create_model(FLAGS.model, rng=random.PRNGKey(0))
    steps_per_epoch = 1281167 // config.batch_size
    lr_fn = optax.exponential_decay(config.lr * config.batch_size / 256., int(2.4 * steps_per_epoch), 0.97,
                                    staircase=True)
    tx = optax.rmsprop(lr_fn, decay=config.opt_decay, eps=config.opt_eps, momentum=0.9, initial_scale=1.0)
    state = train_state.TrainState.create(apply_fn=model.apply, params=params, tx=tx)
    state = jax.device_put_replicated(state, jax.local_devices())

    p_train_step = jax.pmap(
        functools.partial(train_step, label_smoothing=config.label_smoothing, weight_decay=config.weight_decay),
        axis_name='batch')
    for step, batch in enumerate(input_pipeline.train_batches(config.batch_size, FLAGS.num_epochs)):
        state, loss = p_train_step(state, batch)
        if step % 200 == 0:
            logging.info('step %d loss %.4f', step, float(loss[0]))


if __name__ == '__main__':
    app.run(main)
