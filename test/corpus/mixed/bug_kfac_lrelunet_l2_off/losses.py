# Idiom seen in: google-deepmind/kfac-jax examples/losses.py
# Idiom seen in: google-deepmind/kfac-jax examples/lrelunet101_imagenet/pipeline.py
# What it reproduces: kfac-jax's L2 machinery (l2_regularizer + the `if l2_reg > 0.0:` branch of
# classifier_loss_and_stats); in this LReLUNet ImageNet workspace the only config sets l2_reg = 0.0 and the
# evaluation path passes 0.0, so the regularizer code never runs: dead decay machinery.

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


def add_label_smoothing(labels_as_int, label_smoothing, num_classes):
  labels = jax.nn.one_hot(labels_as_int, num_classes)
  if label_smoothing > 0:
    labels = labels * (1. - label_smoothing) + label_smoothing / num_classes
  return labels


def classifier_loss_and_stats(predictions, labels_as_int, params, l2_reg,
                              haiku_exclude_batch_norm, haiku_exclude_biases,
                              label_smoothing=0.0):
  """Classification loss with regularizer and accuracy statistics."""
  stats = {}
  labels = add_label_smoothing(labels_as_int, label_smoothing, predictions.shape[-1])
  loss = jnp.mean(optax.softmax_cross_entropy(predictions, labels))

  if l2_reg > 0.0:  # expect: WD303
    l2_reg_val = l2_regularizer(params, haiku_exclude_batch_norm, haiku_exclude_biases)
    stats["raw_loss"] = loss
    stats["l2_reg_val"] = l2_reg_val
    loss = loss + l2_reg * l2_reg_val

  stats["top_1_accuracy"] = jnp.mean(jnp.argmax(predictions, -1) == labels_as_int)
  return loss, stats
