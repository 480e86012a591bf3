# Idiom seen in: galeone/dynamic-training-bench dytb/models/layers.py
# Idiom seen in: galeone/dynamic-training-bench dytb/models/predefined/SingleLayerCAE.py
# Idiom seen in: galeone/dynamic-training-bench dytb/trainers/ClassifierTrainer.py
# What it reproduces: dytb-style layers put wd*l2_loss(W) into the LOSSES collection; a new regressor
# model (a user mistake in this idiom; the repo models sum the collection) returns the bare MSE from
# loss(), so the trainer minimizes a loss without any of the decay terms.
"""A small convolutional regressor (e.g. landmark / age regression)"""

import tensorflow as tf
from layers import conv, fc


class ConvRegressor(object):
    """Conv regressor built with the dytb layers"""

    name = 'ConvRegressor'

    def get(self, images, num_outputs, train_phase=False, l2_penalty=0.0):
        is_training_ = tf.placeholder_with_default(
            False, shape=(), name="is_training_")
        with tf.variable_scope(self.name):
            with tf.variable_scope("conv1"):
                conv1 = conv(images, [5, 5, 3, 32], 2, 'SAME', train_phase,
                             activation=tf.nn.relu, wd=l2_penalty)
            with tf.variable_scope("conv2"):
                conv2 = conv(conv1, [3, 3, 32, 64], 2, 'SAME', train_phase,
                             activation=tf.nn.relu, wd=l2_penalty)
                flat = tf.reshape(conv2, [-1, 8 * 8 * 64])
            with tf.variable_scope("fc1"):
                fc1 = fc(flat, [8 * 8 * 64, 256], train_phase,
                         activation=tf.nn.relu, wd=l2_penalty)
            with tf.variable_scope("out"):
                predictions = fc(fc1, [256, num_outputs], train_phase)
        return is_training_, predictions

    def loss(self, predictions, real_values):
        """Mean squared error between predictions and targets."""
        with tf.variable_scope('loss'):
            mse = tf.divide(
                tf.reduce_mean(tf.square(tf.subtract(predictions, real_values))),
                2., name="mse")
        return mse
