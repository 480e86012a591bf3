# Idiom seen in: google-research/uda image/main.py
# Idiom seen in: google-research/uda image/utils.py
# What it reproduces: UDA's decay_weights() adds wd * sum(l2_loss(v)) over the trainable variables to the supervised loss,
#   and that total is what the Nesterov MomentumOptimizer minimizes: the decay is wired in once, clean.
"""Helper functions."""

from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import tensorflow as tf


def decay_weights(cost, weight_decay_rate):
  """Calculates the loss for l2 weight decay and adds it to `cost`."""
  costs = []
  for var in tf.trainable_variables():
    costs.append(tf.nn.l2_loss(var))
  cost += tf.multiply(weight_decay_rate, tf.add_n(costs))
  return cost


def get_run_config(FLAGS, model_dir=None):
  return tf.estimator.RunConfig(
      model_dir=model_dir or FLAGS.model_dir,
      save_checkpoints_steps=FLAGS.save_steps,
      keep_checkpoint_max=FLAGS.max_save)
