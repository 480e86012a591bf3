# Idiom seen in: google-deepmind/kfac-jax examples/losses.py
# What it reproduces: kfac-jax's example losses: l2_regularizer() = 0.5 * ||params||^2 (optionally without haiku
# batch-norm params and biases) added to the classification loss when l2_reg > 0; experiment.py differentiates that
# loss with jax.value_and_grad(has_aux=True) and pipeline.py sets l2_reg = 1e-5: clean.

from typing import Mapping

import haiku as hk
import jax
import jax.numpy as jnp
import optax


def l2_regularizer(params, haiku_exclude_batch_norm=False, haiku_exclude_biases=False):
  """Computes 0.5 * ||params||^2, optionally excluding batch norm parameters and/or biases."""
  assert isinstance(params, Mapping)
  if haiku_exclude_batch_norm:
    params = hk.data_structures.filter(lambda m, _, __: "batchnorm" not in m, params)
  if haiku_exclude_biases:
    params = hk.data_structures.filter(lambda _, n, __: n != "b", params)
  return 0.5 * sum(jnp.sum(jnp.square(p)) for p in jax.tree_util.tree_leaves(params))


def top_k_accuracy(logits, labels_as_int, k=1):
  topk = jax.lax.top_k(logits, k)[1]
  return jnp.mean(jnp.any(topk == labels_as_int[:, None], axis=-1))


def classifier_loss_and_stats(predictions, labels_as_int, params, l2_reg,
                              haiku_exclude_batch_norm, haiku_exclude_biases,
                              top_k_stats=(1, 5)):
  """Classification loss with regularizer and accuracy statistics."""
  stats = {}
  loss = jnp.mean(optax.softmax_cross_entropy_with_integer_labels(predictions, labels_as_int))

  if l2_reg > 0.0:
    l2_reg_val = l2_regularizer(params, haiku_exclude_batch_norm, haiku_exclude_biases)
    stats["raw_loss"] = loss
    stats["l2_reg_val"] = l2_reg_val
    loss = loss + l2_reg * l2_reg_val

  for k in top_k_stats:
    stats[f"top_{k}_accuracy"] = top_k_accuracy(predictions, labels_as_int, k=k)
  return loss, stats
