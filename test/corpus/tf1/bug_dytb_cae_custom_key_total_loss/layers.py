# Idiom seen in: galeone/dynamic-training-bench dytb/models/collections.py
# Idiom seen in: galeone/dynamic-training-bench dytb/models/layers.py
# Idiom seen in: galeone/dynamic-training-bench dytb/models/predefined/SingleLayerCAE.py
# What it reproduces: dytb-style layers add wd*l2_loss(W) to the module constant LOSSES, here namespaced
# as 'dytb/losses' (a user change in this idiom); the CAE loss switches to tf.losses and returns
# tf.losses.get_total_loss(), which reads tf.GraphKeys.LOSSES and REGULARIZATION_LOSSES, never that key.
"""Layers to easily create models"""

import tensorflow as tf
from graph_keys import LOSSES, SCALAR_SUMMARIES


def weight(name, shape, train_phase,
           initializer=tf.contrib.layers.variance_scaling_initializer(
               factor=2.0, mode='FAN_IN', uniform=False, dtype=tf.float32),
           wd=0.0):
    """Returns a weight tensor; when train_phase=True, adds wd * l2(W) to LOSSES."""
    weights = tf.get_variable(
        name, shape=shape, initializer=initializer, dtype=tf.float32)
    if train_phase:
        # Add weight decay to W
        tf.add_to_collection(LOSSES, tf.multiply(tf.nn.l2_loss(weights), wd))  # expect: WD101
        tf.add_to_collection(SCALAR_SUMMARIES,
                             tf.summary.histogram(name, weights))
    return weights


def bias(name, shape, initializer=tf.constant_initializer(value=0.0)):
    """No weight decay on the bias terms."""
    return tf.get_variable(name, shape=shape, initializer=initializer)


def conv(input_x, shape, stride, padding, train_phase, bias_term=True,
         activation=tf.identity, wd=0.0):
    W = weight("W", shape, train_phase, wd=wd)
    result = tf.nn.conv2d(input_x, W, [1, stride, stride, 1], padding)
    if bias_term:
        result = tf.nn.bias_add(result, bias("b", [shape[3]]))
    return activation(result)


def fc(input_x, shape, train_phase, bias_term=True, activation=tf.identity,
       wd=0.0):
    W = weight("W", shape, train_phase, wd=wd)
    result = tf.matmul(input_x, W)
    if bias_term:
        result = tf.nn.bias_add(result, bias("b", [shape[1]]))
    return activation(result)
