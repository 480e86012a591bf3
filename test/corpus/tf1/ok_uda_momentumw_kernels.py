# Idiom seen in: google-research/uda image/main.py
# What it reproduces: the UDA Estimator model_fn, with its decay_weights() L2 term replaced by decoupled decay:
#   tf.contrib.opt.MomentumWOptimizer decays only the conv/dense kernels (decay_var_list) and the loss carries no
#   penalty of its own, so each kernel is decayed once and biases/BN parameters not at all: clean.
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

from absl import flags
import tensorflow as tf

import data
from autoaugment.wrn import build_wrn_model

flags.DEFINE_string("data_dir", None, "Path to the tfrecords.")
flags.DEFINE_string("model_dir", None, "Checkpoint directory.")
flags.DEFINE_integer("train_batch_size", 64, "Train batch size.")
flags.DEFINE_integer("train_steps", 100000, "Total number of training steps.")
flags.DEFINE_integer("wrn_size", 32, "WRN width.")
flags.DEFINE_float("learning_rate", 0.03, "Maximum learning rate.")
flags.DEFINE_float("weight_decay_rate", 5e-4, "Decoupled weight decay, multiplied by the learning rate.")

FLAGS = flags.FLAGS


def model_fn(features, labels, mode, params):
  is_training = (mode == tf.estimator.ModeKeys.TRAIN)
  global_step = tf.train.get_or_create_global_step()
  with tf.variable_scope("model", reuse=tf.AUTO_REUSE):
    logits = build_wrn_model(features["image"], 10, FLAGS.wrn_size, is_training)
  labels = tf.reshape(features["label"], [-1])
  total_loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
      labels=labels, logits=logits))

  learning_rate = tf.train.cosine_decay(FLAGS.learning_rate, global_step, FLAGS.train_steps)
  optimizer = tf.contrib.opt.MomentumWOptimizer(
      weight_decay=FLAGS.weight_decay_rate * learning_rate,
      learning_rate=learning_rate,
      momentum=0.9,
      use_nesterov=True)

  # Decay the kernels only: no biases, no batch-norm beta/gamma.
  decay_vars = [v for v in tf.trainable_variables()
                if v.name.endswith("kernel:0") or v.name.endswith("weights:0")]
  update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
  with tf.control_dependencies(update_ops):
    train_op = optimizer.minimize(total_loss, global_step=global_step,
                                  decay_var_list=decay_vars)
  return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, train_op=train_op)


def main(_):
  estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.model_dir)
  estimator.train(input_fn=data.get_input_fn(FLAGS.data_dir, "train", FLAGS.train_batch_size),
                  max_steps=FLAGS.train_steps)


if __name__ == "__main__":
  tf.app.run(main)
