# Idiom seen in: google-deepmind/conformal_training train_utils.py
# What it reproduces: the conformal-training helpers: weight decay as a sum of squares over the
# haiku params, an optax SGD chain (trace + schedule) without decay of its own, and the
# value_and_grad(has_aux=True) update that differentiates the loss's first item.
from typing import Any, Callable, Dict, Tuple

import haiku as hk
import jax
import jax.numpy as jnp
import optax

LossFn = Callable[..., Tuple[jnp.ndarray, Tuple[Any, Dict[str, Any]]]]


def get_sgd_optimizer(momentum: float, nesterov: bool, learning_rate: float) -> optax.GradientTransformation:
  return optax.chain(
      optax.trace(decay=momentum, nesterov=nesterov),
      optax.scale(-learning_rate),
  )


def compute_weight_decay(params: hk.Params) -> jnp.ndarray:
  return sum(jnp.sum(jnp.square(param)) for param in jax.tree_util.tree_leaves(params))


def compute_cross_entropy_loss(logits: jnp.ndarray, labels: jnp.ndarray) -> jnp.ndarray:
  one_hot_labels = jax.nn.one_hot(labels, logits.shape[1])
  return jnp.mean(optax.softmax_cross_entropy(logits, one_hot_labels))


def update(params, inputs, labels, model_state, optimizer_state, rng,
           loss_fn: LossFn, optimizer: optax.GradientTransformation):
  (loss, (new_model_state, mixed)), grad = jax.value_and_grad(loss_fn, has_aux=True)(
      params, inputs, labels, model_state, True, rng)
  updates, new_optimizer_state = optimizer.update(grad, optimizer_state)
  new_params = optax.apply_updates(params, updates)
  return loss, new_params, new_model_state, new_optimizer_state, mixed
