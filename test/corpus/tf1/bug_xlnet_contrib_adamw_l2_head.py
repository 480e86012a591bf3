# Idiom seen in: zihangdai/xlnet model_utils.py
# What it reproduces: XLNet-style get_train_op with decoupled Adam decay (here tf.contrib.opt.AdamWOptimizer, LayerNorm and
#   bias kept out through decay_var_list), while the classification head also gets an l2_regularizer whose losses are
#   added to the loss: the head kernel is decayed twice (a user mistake in the repo's idiom; XLNet itself has no regularizer).
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

from absl import flags
import tensorflow as tf

import xlnet
from classifier_utils import file_based_input_fn_builder

flags.DEFINE_string("model_config_path", None, "XLNet config json.")
flags.DEFINE_string("model_dir", None, "Output directory.")
flags.DEFINE_string("train_file", None, "Training tfrecord.")
flags.DEFINE_float("learning_rate", 2e-5, "Initial learning rate.")
flags.DEFINE_integer("warmup_steps", 500, "Warmup steps.")
flags.DEFINE_integer("train_steps", 10000, "Number of training steps.")
flags.DEFINE_float("clip", 1.0, "Gradient clipping.")
flags.DEFINE_float("weight_decay", 0.01, "Weight decay rate.")
flags.DEFINE_integer("n_class", 2, "Number of classes.")

FLAGS = flags.FLAGS


def get_classification_loss(features, n_class, is_training):
  xlnet_config = xlnet.XLNetConfig(json_path=FLAGS.model_config_path)
  run_config = xlnet.create_run_config(is_training, True, FLAGS)
  xlnet_model = xlnet.XLNetModel(
      xlnet_config=xlnet_config, run_config=run_config,
      input_ids=tf.transpose(features["input_ids"], [1, 0]),
      seg_ids=tf.transpose(features["segment_ids"], [1, 0]),
      input_mask=tf.transpose(features["input_mask"], [1, 0]))
  summary = xlnet_model.get_pooled_out("last", True)

  with tf.variable_scope("model", reuse=tf.AUTO_REUSE):
    logits = tf.layers.dense(
        summary, n_class,
        kernel_initializer=xlnet_model.get_initializer(),
        kernel_regularizer=tf.contrib.layers.l2_regularizer(FLAGS.weight_decay),  # expect: WD201
        name="logit_{}".format("cls"))
    one_hot_target = tf.one_hot(features["label_ids"], n_class, dtype=tf.float32)
    per_example_loss = -tf.reduce_sum(tf.nn.log_softmax(logits) * one_hot_target, -1)
  total_loss = tf.reduce_mean(per_example_loss) + tf.losses.get_regularization_loss()
  return total_loss, per_example_loss, logits


def get_train_op(total_loss):
  global_step = tf.train.get_or_create_global_step()
  warmup_lr = (tf.cast(global_step, tf.float32) / tf.cast(FLAGS.warmup_steps, tf.float32)
               * FLAGS.learning_rate)
  decay_lr = tf.train.polynomial_decay(
      FLAGS.learning_rate, global_step=global_step - FLAGS.warmup_steps,
      decay_steps=FLAGS.train_steps - FLAGS.warmup_steps, end_learning_rate=0.0)
  learning_rate = tf.where(global_step < FLAGS.warmup_steps, warmup_lr, decay_lr)

  optimizer = tf.contrib.opt.AdamWOptimizer(
      weight_decay=FLAGS.weight_decay * learning_rate,
      learning_rate=learning_rate, epsilon=1e-6)
  decay_vars = [v for v in tf.trainable_variables()
                if "LayerNorm" not in v.name and "layer_norm" not in v.name
                and "bias" not in v.name]

  grads_and_vars = optimizer.compute_gradients(total_loss)
  gradients, variables = zip(*grads_and_vars)
  clipped, gnorm = tf.clip_by_global_norm(gradients, FLAGS.clip)
  train_op = optimizer.apply_gradients(zip(clipped, variables), global_step=global_step,
                                       decay_var_list=decay_vars)
  return train_op, learning_rate, gnorm


def model_fn(features, labels, mode, params):
  is_training = (mode == tf.estimator.ModeKeys.TRAIN)
  total_loss, _, _ = get_classification_loss(features, FLAGS.n_class, is_training)
  train_op, _, _ = get_train_op(total_loss)
  return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, train_op=train_op)


def main(_):
  estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.model_dir)
  estimator.train(input_fn=file_based_input_fn_builder(FLAGS.train_file, True, True),
                  max_steps=FLAGS.train_steps)


if __name__ == "__main__":
  tf.app.run()
