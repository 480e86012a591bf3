# Idiom seen in: ensi321/playWithTensorflow TMXC/models/model.py
# Idiom seen in: ensi321/playWithTensorflow TMXC/experiment.py
# What it reproduces: the repo's MNIST model_fn with tf.layers kernel_regularizer=l2 from params; the
# loss adds tf.losses.get_regularization_loss() and that sum is what the optimizer minimizes (clean).
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import tensorflow as tf


def model_fn(features, labels, mode, params):
  """Model function for Estimator."""
  regularizer = tf.contrib.layers.l2_regularizer(scale=params['weight_decay'])
  is_training = mode == tf.estimator.ModeKeys.TRAIN

  # Connect the first hidden layer to input layer
  hidden = tf.layers.dense(features, 256, activation=tf.nn.relu,
                           kernel_regularizer=regularizer,
                           name='hidden1')
  hidden = tf.layers.dropout(hidden, rate=1.0 - params['keep_prob'],
                             training=is_training)
  hidden = tf.layers.dense(hidden, 128, activation=tf.nn.relu,
                           kernel_regularizer=regularizer,
                           name='hidden2')
  logits = tf.layers.dense(hidden, 10, kernel_regularizer=regularizer, name='logits')

  predictions = {'classes': tf.argmax(logits, 1),
                 'probabilities': tf.nn.softmax(logits)}
  if mode == tf.estimator.ModeKeys.PREDICT:
    return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions)

  # Calculate loss
  cross_entropy = tf.reduce_mean(
      tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits))

  loss = cross_entropy + tf.losses.get_regularization_loss()

  train_op = tf.train.GradientDescentOptimizer(learning_rate=0.5).minimize(
      loss, global_step=tf.train.get_global_step())

  eval_metric_ops = {
      'accuracy': tf.metrics.accuracy(tf.argmax(labels, 1),
                                      predictions['classes'])}
  return tf.estimator.EstimatorSpec(
      mode=mode,
      predictions=predictions,
      loss=loss,
      train_op=train_op,
      eval_metric_ops=eval_metric_ops)
