# Idiom seen in: google/flax examples/imagenet/train.py; google/flax examples/cifar10/train.py
# What it reproduces: the Flax ImageNet/CIFAR loss_fn that adds `l2_reg * 0.5 * sum(x**2)` over the
# kernels, kept after the optimizer was switched to optax.adamw with its own weight_decay: the kernels
# are decayed twice (WD201), and adamw without a mask also decays biases and BatchNorm scales (WD203).
import functools

import jax
import jax.numpy as jnp
import ml_collections
import optax
import tensorflow_datasets as tfds
from flax.training import common_utils
from flax.training import train_state

import input_pipeline
import models


class TrainState(train_state.TrainState):
  batch_stats: dict


def create_learning_rate_fn(config, steps_per_epoch):
  warmup = optax.linear_schedule(0.0, config.learning_rate, config.warmup_epochs * steps_per_epoch)
  cosine = optax.cosine_decay_schedule(
      config.learning_rate, (config.num_epochs - config.warmup_epochs) * steps_per_epoch)
  return optax.join_schedules([warmup, cosine], [config.warmup_epochs * steps_per_epoch])


def train_step(state, batch, learning_rate_fn, l2_reg):
  def loss_fn(params):
    logits, new_model_state = state.apply_fn(
        {'params': params, 'batch_stats': state.batch_stats},
        batch['image'], mutable=['batch_stats'])
    one_hot = common_utils.onehot(batch['label'], num_classes=10)
    loss = optax.softmax_cross_entropy(logits, one_hot).mean()
    weight_penalty_params = jax.tree_util.tree_leaves(params)
    weight_l2 = sum(jnp.sum(x ** 2) for x in weight_penalty_params if x.ndim > 1)  # expect: WD201
    loss = loss + l2_reg * 0.5 * weight_l2
    return loss, (new_model_state, logits)

  grad_fn = jax.value_and_grad(loss_fn, has_aux=True)
  (loss, (new_model_state, logits)), grads = grad_fn(state.params)
  new_state = state.apply_gradients(grads=grads, batch_stats=new_model_state['batch_stats'])
  metrics = {'loss': loss, 'accuracy': jnp.mean(jnp.argmax(logits, -1) == batch['label']),
             'learning_rate': learning_rate_fn(state.step)}
  return new_state, metrics


def create_train_state(rng, config, model, learning_rate_fn):
  variables = model.init(rng, jnp.ones((1, 32, 32, 3), jnp.float32))
  tx = optax.adamw(
      learning_rate=learning_rate_fn,
      weight_decay=config.weight_decay,  # expect: WD203
  )
  return TrainState.create(apply_fn=model.apply, params=variables['params'],
                           batch_stats=variables['batch_stats'], tx=tx)


def train_and_evaluate(config: ml_collections.ConfigDict, workdir: str):
  builder = tfds.builder(config.dataset)
  steps_per_epoch = builder.info.splits['train'].num_examples // config.batch_size
  learning_rate_fn = create_learning_rate_fn(config, steps_per_epoch)
  model = getattr(models, config.model)(num_classes=10)
  state = create_train_state(jax.random.PRNGKey(0), config, model, learning_rate_fn)

  p_train_step = jax.jit(functools.partial(
      train_step, learning_rate_fn=learning_rate_fn, l2_reg=config.l2_reg))
  train_iter = input_pipeline.create_split(builder, config.batch_size, train=True, cache=config.cache)
  for step, batch in zip(range(steps_per_epoch * config.num_epochs), train_iter):
    state, metrics = p_train_step(state, batch)
    if step % 500 == 0:
      print(workdir, step, jax.device_get(metrics))
  return state
