# Idiom seen in: hirofumi0810/tensorflow_end2end_speech_recognition models/encoders/core/cnn_util.py
# What it reproduces: hand-written layer helpers: conv_layer creates 'weight' and 'bias' variables, and
#   batch_normalization creates trainable 'beta' and 'gamma' with tf.get_variable (plus moving statistics).
import tensorflow as tf


def conv_layer(bottom, filter_size, stride=(1, 1), parameter_init=0.1, activation=None, name='conv'):
    with tf.variable_scope(name):
        W = tf.Variable(tf.truncated_normal(shape=filter_size, stddev=parameter_init), name='weight')
        b = tf.Variable(tf.zeros(shape=filter_size[-1]), name='bias')
        outputs = tf.nn.bias_add(
            tf.nn.conv2d(bottom, W, strides=[1, stride[0], stride[1], 1], padding='SAME'), b)
        return tf.nn.relu(outputs) if activation == 'relu' else outputs


def batch_normalization(tensor, is_training=True, epsilon=0.001, momentum=0.9, name=None):
    with tf.variable_scope(name, default_name='batch_norm'):
        channels = tensor.shape.as_list()[-1]
        axes = list(range(tensor.shape.ndims - 1))
        beta = tf.get_variable('beta', channels, initializer=tf.zeros_initializer())
        gamma = tf.get_variable('gamma', channels, initializer=tf.ones_initializer())
        avg_mean = tf.get_variable('avg_mean', channels, initializer=tf.zeros_initializer(),
                                   trainable=False)
        avg_var = tf.get_variable('avg_variance', channels, initializer=tf.ones_initializer(),
                                  trainable=False)
        if is_training:
            mean, variance = tf.nn.moments(tensor, axes)
            tf.add_to_collection(tf.GraphKeys.UPDATE_OPS,
                                 tf.assign(avg_mean, momentum * avg_mean + (1 - momentum) * mean))
            tf.add_to_collection(tf.GraphKeys.UPDATE_OPS,
                                 tf.assign(avg_var, momentum * avg_var + (1 - momentum) * variance))
        else:
            mean, variance = avg_mean, avg_var
        return tf.nn.batch_normalization(tensor, mean, variance, beta, gamma, epsilon)
