# Idiom seen in: google-deepmind/conformal_training train_utils.py
# Idiom seen in: google-deepmind/conformal_training experiments/run_cifar10.py
# What it reproduces: an optax SGD with Nesterov momentum whose decay joins the gradient first;
# the experiment passes weight_decay=5e4 (meant 5e-4), so lr*wd = 2500, far past the limit.
from typing import Any, Dict

import haiku as hk
import jax
import jax.numpy as jnp
import optax

import data as cpdata
import models as cpmodels


def get_sgd_optimizer(learning_rate: float, momentum: float, nesterov: bool,
                      weight_decay: float) -> optax.GradientTransformation:
  """SGD with momentum and decay (on kernels only) added to the gradient."""
  kernel_mask = lambda params: jax.tree_util.tree_map(lambda p: p.ndim > 1, params)
  return optax.chain(
      optax.add_decayed_weights(weight_decay, mask=kernel_mask),
      optax.sgd(learning_rate=learning_rate, momentum=momentum, nesterov=nesterov),
  )


def cross_entropy(logits: jnp.ndarray, labels: jnp.ndarray) -> jnp.ndarray:
  one_hot = jax.nn.one_hot(labels, logits.shape[1])
  return jnp.mean(optax.softmax_cross_entropy(logits, one_hot))


def run(data: Dict[str, Any], epochs: int = 150):
  model = cpmodels.create_resnet(data['classes'], version=34, channels=64)
  rng = hk.PRNGSequence(0)
  inputs, _ = next(cpdata.load_batches(data['train']))
  params, model_state = model.init(next(rng), inputs, training=True)

  optimizer = get_sgd_optimizer(
      learning_rate=0.05,
      momentum=0.9,
      nesterov=True,
      weight_decay=5e4)  # expect: WD301
  opt_state = optimizer.init(params)

  def loss_fn(params, model_state, inputs, labels, key):
    logits, new_state = model.apply(params, model_state, key, inputs, training=True)
    return cross_entropy(logits, labels), new_state

  @jax.jit
  def update(params, model_state, opt_state, inputs, labels, key):
    (loss, new_state), grads = jax.value_and_grad(loss_fn, has_aux=True)(
        params, model_state, inputs, labels, key)
    updates, opt_state = optimizer.update(grads, opt_state, params)
    return optax.apply_updates(params, updates), new_state, opt_state, loss

  for _ in range(epochs):
    for inputs, labels in cpdata.load_batches(data['train']):
      params, model_state, opt_state, loss = update(
          params, model_state, opt_state, inputs, labels, next(rng))
  return params, model_state
