# Idiom seen in: google-research/uda image/main.py
# Idiom seen in: google-research/uda image/utils.py
# What it reproduces: UDA's decay_weights() adds wd * sum(l2_loss(v)) over every trainable variable to the loss; here the
#   user switched the Nesterov MomentumOptimizer to tf.contrib.opt.MomentumWOptimizer (decoupled decay on the kernels) and
#   kept decay_weights(), so every kernel is decayed twice (a user mistake in the repo's idiom; the repo itself is correct).
"""Supervised baseline on CIFAR-10 with a WideResNet."""

from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

from absl import flags
import tensorflow as tf

import data
import utils
from autoaugment.wrn import build_wrn_model

flags.DEFINE_string("data_dir", None, "Path to the tfrecords.")
flags.DEFINE_string("model_dir", None, "Checkpoint directory.")
flags.DEFINE_integer("train_batch_size", 64, "Train batch size.")
flags.DEFINE_integer("train_steps", 100000, "Total number of training steps.")
flags.DEFINE_integer("save_steps", 10000, "Checkpoint every n steps.")
flags.DEFINE_integer("max_save", 10, "Checkpoints to keep.")
flags.DEFINE_integer("num_classes", 10, "Number of classes.")
flags.DEFINE_integer("wrn_size", 32, "WRN width.")
flags.DEFINE_float("learning_rate", 0.03, "Maximum learning rate.")
flags.DEFINE_float("weight_decay_rate", 5e-4, "Weight decay rate.")
flags.DEFINE_integer("warmup_steps", 20000, "Linear warmup steps.")

FLAGS = flags.FLAGS


def model_fn(features, labels, mode, params):
  is_training = (mode == tf.estimator.ModeKeys.TRAIN)
  global_step = tf.train.get_or_create_global_step()
  with tf.variable_scope("model", reuse=tf.AUTO_REUSE):
    logits = build_wrn_model(features["image"], FLAGS.num_classes, FLAGS.wrn_size, is_training)
  sup_labels = tf.reshape(features["label"], [-1])
  sup_loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
      labels=sup_labels, logits=logits))

  total_loss = utils.decay_weights(sup_loss, FLAGS.weight_decay_rate)

  warmup_lr = tf.to_float(global_step) / tf.to_float(FLAGS.warmup_steps) * FLAGS.learning_rate
  decay_lr = tf.train.cosine_decay(
      FLAGS.learning_rate, global_step=global_step - FLAGS.warmup_steps,
      decay_steps=FLAGS.train_steps - FLAGS.warmup_steps)
  learning_rate = tf.where(global_step < FLAGS.warmup_steps, warmup_lr, decay_lr)

  # "SGDW": decoupled decay, scaled by the learning rate as in Loshchilov & Hutter.
  optimizer = tf.contrib.opt.MomentumWOptimizer(
      weight_decay=FLAGS.weight_decay_rate * learning_rate,
      learning_rate=learning_rate,
      momentum=0.9,
      use_nesterov=True)
  decay_vars = [v for v in tf.trainable_variables() if "kernel" in v.name or "weights" in v.name]

  grads_and_vars = optimizer.compute_gradients(total_loss)
  update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
  with tf.control_dependencies(update_ops):
    train_op = optimizer.apply_gradients(
        grads_and_vars, global_step=global_step, decay_var_list=decay_vars)
  return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, train_op=train_op)


def main(_):
  estimator = tf.estimator.Estimator(model_fn=model_fn, config=utils.get_run_config(FLAGS))
  train_input_fn = data.get_input_fn(FLAGS.data_dir, "train", FLAGS.train_batch_size)
  estimator.train(input_fn=train_input_fn, max_steps=FLAGS.train_steps)


if __name__ == "__main__":
  tf.app.run(main)
