# Idiom seen in: dalgu90/resnet-18-tensorflow utils.py
# What it reproduces: the helper module with the collection key as a module constant
# (WEIGHT_DECAY_KEY = 'WEIGHT_DECAY'); _conv and _fc put the *variables* (not decay terms) into that
# collection once, and resnet.py turns them into the L2 loss. Run through tf.compat.v1. No finding here.
import numpy as np
import tensorflow as tf

WEIGHT_DECAY_KEY = 'WEIGHT_DECAY'


def _relu(x, name='relu'):
    return tf.nn.relu(x, name=name)


def _conv(x, filter_size, out_channel, strides, pad='SAME', name='conv'):
    in_shape = x.get_shape()
    with tf.compat.v1.variable_scope(name):
        kernel = tf.compat.v1.get_variable(
            'kernel', [filter_size, filter_size, in_shape[3], out_channel], tf.float32,
            initializer=tf.compat.v1.random_normal_initializer(
                stddev=np.sqrt(2.0 / filter_size / filter_size / out_channel)))
        if kernel not in tf.compat.v1.get_collection(WEIGHT_DECAY_KEY):
            tf.compat.v1.add_to_collection(WEIGHT_DECAY_KEY, kernel)
        conv = tf.nn.conv2d(x, kernel, [1, strides, strides, 1], pad)
    return conv


def _fc(x, out_dim, name='fc'):
    with tf.compat.v1.variable_scope(name):
        w = tf.compat.v1.get_variable(
            'weights', [x.get_shape()[1], out_dim], tf.float32,
            initializer=tf.compat.v1.random_normal_initializer(stddev=np.sqrt(1.0 / out_dim)))
        b = tf.compat.v1.get_variable('biases', [out_dim], tf.float32,
                                      initializer=tf.compat.v1.constant_initializer(0.0))
        if w not in tf.compat.v1.get_collection(WEIGHT_DECAY_KEY):
            tf.compat.v1.add_to_collection(WEIGHT_DECAY_KEY, w)
        fc = tf.nn.bias_add(tf.matmul(x, w), b)
    return fc


def _bn(x, is_train, name='bn'):
    with tf.compat.v1.variable_scope(name):
        return tf.compat.v1.layers.batch_normalization(x, momentum=0.9, training=is_train)
