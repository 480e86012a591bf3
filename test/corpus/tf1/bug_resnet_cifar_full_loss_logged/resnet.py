# Idiom seen in: wenxinxu/resnet-in-tensorflow resnet.py
# What it reproduces: create_variables() attaches an l2 regularizer (scale from FLAGS) to every
#   tf.get_variable, filling REGULARIZATION_LOSSES.
import tensorflow as tf
from hyper_parameters import *

BN_EPSILON = 0.001


def create_variables(name, shape, initializer=tf.contrib.layers.xavier_initializer(), is_fc_layer=False):
    regularizer = tf.contrib.layers.l2_regularizer(scale=FLAGS.weight_decay)
    new_variables = tf.get_variable(name, shape=shape, initializer=initializer,
                                    regularizer=regularizer)
    return new_variables


def output_layer(input_layer, num_labels):
    input_dim = input_layer.get_shape().as_list()[-1]
    fc_w = create_variables(name='fc_weights', shape=[input_dim, num_labels], is_fc_layer=True,
                            initializer=tf.uniform_unit_scaling_initializer(factor=1.0))
    fc_b = create_variables(name='fc_bias', shape=[num_labels], initializer=tf.zeros_initializer())
    return tf.matmul(input_layer, fc_w) + fc_b


def batch_normalization_layer(input_layer, dimension):
    mean, variance = tf.nn.moments(input_layer, axes=[0, 1, 2])
    beta = tf.get_variable('beta', dimension, tf.float32, initializer=tf.constant_initializer(0.0))
    gamma = tf.get_variable('gamma', dimension, tf.float32, initializer=tf.constant_initializer(1.0))
    return tf.nn.batch_normalization(input_layer, mean, variance, beta, gamma, BN_EPSILON)


def bn_relu_conv_layer(input_layer, filter_shape, stride):
    in_channel = input_layer.get_shape().as_list()[-1]
    bn_layer = batch_normalization_layer(input_layer, in_channel)
    relu_layer = tf.nn.relu(bn_layer)
    filt = create_variables(name='conv', shape=filter_shape)
    return tf.nn.conv2d(relu_layer, filt, strides=[1, stride, stride, 1], padding='SAME')


def inference(input_tensor_batch, n, reuse):
    with tf.variable_scope('conv0', reuse=reuse):
        filt = create_variables(name='conv', shape=[3, 3, 3, 16])
        layer = tf.nn.conv2d(input_tensor_batch, filt, strides=[1, 1, 1, 1], padding='SAME')
    for i in range(n):
        with tf.variable_scope('conv1_%d' % i, reuse=reuse):
            layer = layer + bn_relu_conv_layer(layer, [3, 3, 16, 16], 1)
    with tf.variable_scope('fc', reuse=reuse):
        in_channel = layer.get_shape().as_list()[-1]
        bn_layer = batch_normalization_layer(layer, in_channel)
        global_pool = tf.reduce_mean(tf.nn.relu(bn_layer), [1, 2])
        output = output_layer(global_pool, 10)
    return output
