# Idiom seen in: TropComplique/wing-loss model.py, train.py
# What it reproduces: an Estimator model_fn that adds its own L2 terms for kernel weights to
#   GraphKeys.REGULARIZATION_LOSSES (add_weight_decay helper), registers the data loss with
#   tf.losses.add_loss, and differentiates tf.losses.get_total_loss() with a MomentumOptimizer.
# label-note: clean. get_total_loss(add_regularization_losses=True) is what compute_gradients gets;
#   only variables named 'weights' are decayed (no biases, no batch-norm gamma/beta).
import json

import tensorflow as tf

from input_pipeline import Pipeline  # tf.data pipeline, not part of this program
from loss import wing_loss  # data loss, not part of this program
from network import network  # backbone, not part of this program

MOMENTUM = 0.9

flags = tf.app.flags
flags.DEFINE_string('config', 'config.json', 'JSON file with the hyper-parameters.')
FLAGS = flags.FLAGS


def add_weight_decay(weight_decay):
  """Add L2 regularization to the trainable kernel weights."""
  weight_decay = tf.constant(weight_decay, tf.float32, [], 'weight_decay')
  kernels = [v for v in tf.trainable_variables() if 'weights' in v.name]
  for K in kernels:
    x = tf.multiply(weight_decay, tf.nn.l2_loss(K))
    tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, x)


def model_fn(features, labels, mode, params, config):
  is_training = mode == tf.estimator.ModeKeys.TRAIN
  landmarks = network(features, is_training, num_landmarks=params['num_landmarks'])

  if mode == tf.estimator.ModeKeys.PREDICT:
    return tf.estimator.EstimatorSpec(mode, predictions={'landmarks': landmarks})

  loss = wing_loss(landmarks, labels, w=params['w'], epsilon=params['epsilon'])
  tf.losses.add_loss(loss)
  with tf.name_scope('weight_decay'):
    add_weight_decay(params['weight_decay'])
    tf.summary.scalar('regularization_loss', tf.losses.get_regularization_loss())
  total_loss = tf.losses.get_total_loss(add_regularization_losses=True)

  if mode == tf.estimator.ModeKeys.EVAL:
    return tf.estimator.EstimatorSpec(
        mode, loss=total_loss,
        eval_metric_ops={'mae': tf.metrics.mean_absolute_error(labels, landmarks)})

  global_step = tf.train.get_global_step()
  learning_rate = tf.train.piecewise_constant(global_step, params['lr_boundaries'],
                                              params['lr_values'])
  update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
  with tf.control_dependencies(update_ops), tf.variable_scope('optimizer'):
    optimizer = tf.train.MomentumOptimizer(learning_rate, momentum=MOMENTUM, use_nesterov=True)
    grads_and_vars = optimizer.compute_gradients(total_loss)
    train_op = optimizer.apply_gradients(grads_and_vars, global_step)
  return tf.estimator.EstimatorSpec(mode, loss=total_loss, train_op=train_op)


def main(_):
  params = json.load(open(FLAGS.config))
  run_config = tf.estimator.RunConfig().replace(model_dir=params['model_dir'],
                                                save_summary_steps=200)
  estimator = tf.estimator.Estimator(model_fn, params=params['model_params'], config=run_config)

  def train_input_fn():
    pipeline = Pipeline(params['train_dataset'], batch_size=params['batch_size'], training=True)
    return pipeline.dataset

  estimator.train(train_input_fn, max_steps=params['num_steps'])


if __name__ == '__main__':
  tf.app.run()
