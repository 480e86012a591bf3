# Idiom seen in: rwightman/efficientnet-jax train_configs/default.py
# Idiom seen in: rwightman/efficientnet-jax jeffnet/common/optim/optim_factory.py
# Idiom seen in: rwightman/efficientnet-jax tf_linen_train.py
# What it reproduces: the repo keeps an explicit L2 penalty (config.weight_decay) in loss_fn and keeps
# optimizer decay at 0 for rmsproptf; here the user switches config.opt to 'adamw' with opt_weight_decay
# 0.05 and leaves the loss penalty on: kernels are decayed twice, and AdamW (no mask) decays BN/bias too.
import functools
from typing import Any

from absl import app, flags, logging
from ml_collections import config_flags
import flax
from flax.training import train_state
import jax
from jax import lax, random
import jax.numpy as jnp
import optax

import jeffnet.data.tf_input_pipeline as input_pipeline
from jeffnet.common import cross_entropy_loss, create_lr_schedule_epochs
from jeffnet.linen import create_model
from optim_factory import create_optax_optim


class TrainState(train_state.TrainState):
    model_state: Any


def create_train_state(config, model, params, model_state, lr_fn):
    opt_kwargs = dict(eps=config.get('opt_eps'), beta1=config.get('opt_beta1'), beta2=config.get('opt_beta2'))
    opt_kwargs = {k: v for k, v in opt_kwargs.items() if v is not None}
    tx = create_optax_optim(
        config.opt, learning_rate=lr_fn, weight_decay=config.get('opt_weight_decay', 0), **opt_kwargs)
    return TrainState.create(apply_fn=model.apply, params=params, tx=tx, model_state=model_state)


def train_step(state, batch, label_smoothing=0.1, weight_decay=1e-4, dropout_rng=None):
    def loss_fn(params):
        variables = {'params': params, **state.model_state}
        logits, new_model_state = state.apply_fn(
            variables, batch['image'], training=True, mutable=['batch_stats'], rngs={'dropout': dropout_rng})
        loss = cross_entropy_loss(logits, batch['label'], label_smoothing=label_smoothing)
        weight_penalty_params = jax.tree_util.tree_leaves(variables['params'])
        weight_penalty = 0.5 * weight_decay * sum([jnp.sum(x ** 2) for x in weight_penalty_params if x.ndim > 1])  # expect: WD201
        loss = loss + weight_penalty
        return loss, (new_model_state, logits)

    (loss, (new_model_state, logits)), grads = jax.value_and_grad(loss_fn, has_aux=True)(state.params)
    grads = lax.pmean(grads, axis_name='batch')
    state = state.apply_gradients(grads=grads, model_state=new_model_state)
    metrics = lax.pmean({'loss': loss, 'top1': jnp.mean(jnp.argmax(logits, -1) == batch['label'])}, 'batch')
    return state, metrics


def train_and_evaluate(config):
    rng = random.PRNGKey(42)
    model, variables = create_model(config.model, drop_rate=config.drop_rate, rng=rng)
    model_state, params = variables.pop('params')
    steps_per_epoch = 1281167 // config.batch_size
    lr_fn = create_lr_schedule_epochs(
        config.lr * config.batch_size / 256., config.lr_schedule, steps_per_epoch=steps_per_epoch,
        total_epochs=config.num_epochs, warmup_epochs=config.lr_warmup_epochs)

    state = flax.jax_utils.replicate(create_train_state(config, model, params, model_state, lr_fn))
    p_train_step = jax.pmap(
        functools.partial(train_step, label_smoothing=config.label_smoothing, weight_decay=config.weight_decay),
        axis_name='batch')

    train_iter = input_pipeline.create_split(config.dataset, config.batch_size, train=True)
    for step, batch in zip(range(steps_per_epoch * config.num_epochs), train_iter):
        rng, step_rng = random.split(rng)
        state, metrics = p_train_step(state, batch, dropout_rng=jax.random.split(step_rng, jax.local_device_count()))
        if step % 100 == 0:
            logging.info('step %d loss %.4f', step, float(metrics['loss'][0]))


FLAGS = flags.FLAGS
config_flags.DEFINE_config_file('config', 'default_config.py', 'Training configuration.')


def main(argv):
    train_and_evaluate(FLAGS.config)


if __name__ == '__main__':
    app.run(main)
