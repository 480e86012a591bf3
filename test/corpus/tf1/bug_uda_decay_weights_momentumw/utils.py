# Idiom seen in: google-research/uda image/utils.py
# Idiom seen in: google-research/uda image/main.py
# What it reproduces: UDA's decay_weights() adds wd * sum(l2_loss(v)) over every trainable variable to the loss; here the
#   user switched the Nesterov MomentumOptimizer to tf.contrib.opt.MomentumWOptimizer (decoupled decay on the kernels) and
#   kept decay_weights(), so every kernel is decayed twice (a user mistake in the repo's idiom; the repo itself is correct).
"""Helper functions."""

from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import tensorflow as tf


def decay_weights(cost, weight_decay_rate):
  """Calculates the loss for l2 weight decay and adds it to `cost`."""
  cost += tf.multiply(weight_decay_rate, tf.add_n([tf.nn.l2_loss(var) for var in tf.trainable_variables()]))  # expect: WD201
  return cost


def get_run_config(FLAGS, model_dir=None):
  return tf.estimator.RunConfig(
      model_dir=model_dir or FLAGS.model_dir,
      save_checkpoints_steps=FLAGS.save_steps,
      keep_checkpoint_max=FLAGS.max_save)
