# Idiom seen in: galeone/dynamic-training-bench dytb/models/collections.py
# Idiom seen in: galeone/dynamic-training-bench dytb/models/layers.py
# Idiom seen in: galeone/dynamic-training-bench dytb/models/predefined/SingleLayerCAE.py
# What it reproduces: dytb-style layers add wd*l2_loss(W) to the module constant LOSSES, here namespaced
# as 'dytb/losses' (a user change in this idiom); the CAE loss switches to tf.losses and returns
# tf.losses.get_total_loss(), which reads tf.GraphKeys.LOSSES and REGULARIZATION_LOSSES, never that key.
"""Build a single layer CAE"""

import tensorflow as tf
from layers import conv


class SingleLayerCAE(object):
    """Build a single layer CAE"""

    name = 'SingleLayerCAE'

    def _pad(self, input_x, filter_side):
        amount = filter_side - 1
        return tf.pad(input_x, [[0, 0], [amount, amount], [amount, amount], [0, 0]])

    def get(self, images, train_phase=False, l2_penalty=0.0):
        filter_side = 3
        filters_number = 32
        with tf.variable_scope(self.name):
            input_x = self._pad(images, filter_side)
            depth = input_x.get_shape()[3].value
            with tf.variable_scope("encode"):
                encoding = conv(input_x, [filter_side, filter_side, depth, filters_number],
                                1, 'VALID', train_phase, activation=tf.nn.tanh,
                                wd=l2_penalty)
            with tf.variable_scope("decode"):
                output_x = conv(encoding, [filter_side, filter_side, filters_number, depth],
                                1, 'VALID', train_phase, activation=tf.nn.tanh,
                                wd=l2_penalty)
        is_training_ = tf.placeholder_with_default(False, shape=(), name="is_training_")
        return is_training_, output_x

    def loss(self, predictions, real_values):
        """Reconstruction loss plus every registered loss."""
        with tf.variable_scope('loss'):
            tf.losses.mean_squared_error(real_values, predictions, weights=0.5)
            # mse + weight_decay per layer
            error = tf.losses.get_total_loss(name='total_loss')
        return error
