# Idiom seen in: zihangdai/xlnet model_utils.py
# What it reproduces: XLNet's get_train_op: plain Adam when --weight_decay is 0, otherwise its own AdamWeightDecayOptimizer
#   (decoupled decay, LayerNorm/bias excluded); the classifier loss carries no L2 term, so the decay is applied once: clean.
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

from absl import flags
import tensorflow as tf

import model_utils
import function_builder
from classifier_utils import file_based_input_fn_builder

flags.DEFINE_string("model_dir", None, "Output directory.")
flags.DEFINE_string("train_file", None, "Training tfrecord.")
flags.DEFINE_float("learning_rate", 2e-5, "Initial learning rate.")
flags.DEFINE_float("min_lr_ratio", 0.0, "Minimum ratio learning rate.")
flags.DEFINE_integer("warmup_steps", 500, "Warmup steps.")
flags.DEFINE_integer("train_steps", 10000, "Number of training steps.")
flags.DEFINE_float("adam_epsilon", 1e-6, "Adam epsilon.")
flags.DEFINE_float("clip", 1.0, "Gradient clipping.")
flags.DEFINE_float("weight_decay", 0.01, "Decoupled weight decay rate.")
flags.DEFINE_integer("train_batch_size", 32, "Batch size.")
flags.DEFINE_integer("n_class", 2, "Number of classes.")

FLAGS = flags.FLAGS


def get_model_fn(n_class):
  def model_fn(features, labels, mode, params):
    is_training = (mode == tf.estimator.ModeKeys.TRAIN)
    total_loss, per_example_loss, logits = function_builder.get_classification_loss(
        FLAGS, features, n_class, is_training)

    if mode == tf.estimator.ModeKeys.EVAL:
      return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss)

    train_op, learning_rate, _ = model_utils.get_train_op(FLAGS, total_loss)
    return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, train_op=train_op)
  return model_fn


def main(_):
  estimator = tf.estimator.Estimator(model_fn=get_model_fn(FLAGS.n_class),
                                     model_dir=FLAGS.model_dir)
  train_input_fn = file_based_input_fn_builder(
      input_file=FLAGS.train_file, is_training=True, drop_remainder=True)
  estimator.train(input_fn=train_input_fn, max_steps=FLAGS.train_steps)


if __name__ == "__main__":
  tf.app.run()
