# Idiom seen in: giladcohen/tensorflow_TB lib/models/layers.py
# What it reproduces: resnet-style helpers whose kernels are all named 'DW', which _decay later selects.
import numpy as np
import tensorflow as tf


def stride_arr(stride):
    return [1, stride, stride, 1]


def conv(name, x, filter_size, out_filters, strides, padding='SAME'):
    with tf.variable_scope(name):
        in_filters = x.get_shape().as_list()[3]
        n = filter_size * filter_size * out_filters
        kernel = tf.get_variable('DW', [filter_size, filter_size, in_filters, out_filters], tf.float32,
                                 initializer=tf.random_normal_initializer(stddev=np.sqrt(2.0 / n)))
        return tf.nn.conv2d(x, kernel, strides, padding=padding)


def relu(x, leakiness=0.0):
    return tf.where(tf.less(x, 0.0), leakiness * x, x, name='leaky_relu')


def global_avg_pool(x):
    return tf.reduce_mean(x, [1, 2])


def fully_connected(x, out_dim, name='fully_connected'):
    with tf.variable_scope(name):
        input_dim = int(np.prod(x.get_shape().as_list()[1:]))
        x = tf.reshape(x, [-1, input_dim])
        w = tf.get_variable('DW', [input_dim, out_dim],
                            initializer=tf.uniform_unit_scaling_initializer(factor=1.0))
        b = tf.get_variable('biases', [out_dim], initializer=tf.constant_initializer())
        return tf.nn.xw_plus_b(x, w, b)
