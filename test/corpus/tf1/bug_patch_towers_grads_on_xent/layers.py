# Idiom seen in: JZDSS/multi-gpus multi_gpus/layers.py
# Idiom seen in: JZDSS/multi-gpus train_muti_gpus_mix_exp.py
# What it reproduces: conv helpers whose _create_variable puts weight_decay * l2_loss(var) into
#   REGULARIZATION_LOSSES; each tower sums get_losses(scope) + get_regularization_losses(scope), but
#   the gradients are taken of the cross entropy alone, the sum only feeds a summary (user slip; the
#   repo computes the gradients of the sum).
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import math

import tensorflow as tf


def _variable_on_cpu(name, shape, initializer, trainable):
    with tf.device('/cpu:0'):
        var = tf.get_variable(name, shape, initializer=initializer, dtype=tf.float32,
                              trainable=trainable)
    return var


def _create_variable(name, shape, initializer, weight_decay=None, trainable=True):
    var = _variable_on_cpu(name, shape, initializer, trainable)
    if weight_decay is not None:
        regularization = tf.multiply(tf.nn.l2_loss(var), weight_decay, name=name + '_regularization')
        tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, regularization)
    return var


def conv(x, num_outputs, kernel_size, strides=[1, 1, 1, 1], padding='SAME', weight_decay=0.0001,
         b_norm=False, activation_fn=tf.nn.relu, scope=None, is_training=True, trainable=True):
    x_shape = x.get_shape().as_list()
    with tf.variable_scope(scope):
        fan_in = kernel_size[0] * kernel_size[1] * x_shape[-1]
        w = _create_variable('weights', (kernel_size[0], kernel_size[1], x_shape[-1], num_outputs),
                             tf.truncated_normal_initializer(stddev=math.sqrt(2 / fan_in)),
                             weight_decay, trainable)
        y = tf.nn.conv2d(x, w, strides, padding)
        if b_norm:
            y = tf.layers.batch_normalization(y, training=is_training, name='b_norm')
        else:
            b = _create_variable('biases', num_outputs, tf.zeros_initializer(), None, trainable)
            y = tf.nn.bias_add(y, b)
        if activation_fn is not None:
            y = activation_fn(y, name='activation')
    return y


def fc(x, num_outputs, weight_decay=0.0001, scope=None):
    with tf.variable_scope(scope):
        w = _create_variable('weights', (x.get_shape().as_list()[-1], num_outputs),
                             tf.contrib.layers.xavier_initializer(), weight_decay)
        b = _create_variable('biases', num_outputs, tf.zeros_initializer())
    return tf.nn.xw_plus_b(x, w, b)


def net(x, is_training, FLAGS):
    h = conv(x, 16, [3, 3], scope='conv0', b_norm=True, is_training=is_training,
             weight_decay=FLAGS.weight_decay)
    for i, n in enumerate([16, 32, 64]):
        h = conv(h, n, [3, 3], strides=[1, 2, 2, 1], scope='block%d' % i, b_norm=True,
                 is_training=is_training, weight_decay=FLAGS.weight_decay)
    h = tf.reduce_mean(h, axis=[1, 2])
    return fc(h, FLAGS.num_classes, weight_decay=FLAGS.weight_decay, scope='logits')
