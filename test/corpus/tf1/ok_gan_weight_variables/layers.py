# Idiom seen in: jodietrich/wgan_domain_adaptation tfwrapper/layers.py
# What it reproduces: layer helpers that create kernels through get_weight_variable(), which files each
#   kernel (never a bias, never a batch-norm parameter) under a custom 'weight_variables' collection.
#   The collection holds variables, not loss terms; gan_model.py turns it into penalties.
# label-note: the `not reuse` guard keeps the discriminator, which is built three times, from filing
#   its kernels more than once.
import math

import tensorflow as tf


def get_weight_variable(shape, name=None, regularize=True):
    n_in = float(shape[0] * shape[1] * shape[2]) if len(shape) == 4 else float(shape[0])
    initial = tf.truncated_normal(shape, stddev=math.sqrt(2.0 / n_in))
    weight = tf.get_variable(name, initializer=initial)
    if regularize and not tf.get_variable_scope().reuse:
        tf.add_to_collection('weight_variables', weight)
    return weight


def get_bias_variable(shape, name=None, init_value=0.0):
    return tf.get_variable(name, initializer=tf.constant(init_value, shape=shape, dtype=tf.float32))


def conv2D_layer(x, name, kernel_size=(3, 3), num_filters=32, strides=(1, 1), activation=tf.nn.relu):
    n_in = x.get_shape().as_list()[-1]
    with tf.variable_scope(name):
        w = get_weight_variable([kernel_size[0], kernel_size[1], n_in, num_filters], name='W')
        b = get_bias_variable([num_filters], name='b')
        op = tf.nn.bias_add(tf.nn.conv2d(x, w, strides=[1, strides[0], strides[1], 1], padding='SAME'), b)
        return activation(op) if activation is not None else op


def conv2D_layer_bn(x, name, training, kernel_size=(3, 3), num_filters=32, strides=(1, 1), activation=tf.nn.relu):
    conv = conv2D_layer(x, name, kernel_size, num_filters, strides, activation=None)
    return activation(tf.layers.batch_normalization(conv, training=training, name=name + '_bn'))


def dense_layer(x, name, hidden_units=512, activation=tf.nn.relu):
    x = tf.layers.flatten(x)
    n_in = x.get_shape().as_list()[-1]
    with tf.variable_scope(name):
        w = get_weight_variable([n_in, hidden_units], name='W')
        b = get_bias_variable([hidden_units], name='b')
        op = tf.nn.bias_add(tf.matmul(x, w), b)
        return activation(op) if activation is not None else op
