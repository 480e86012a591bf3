# Idiom seen in: VamshiTeja/InfoGAN model/model_w*.py (lrelu, conv2d/deconv2d wrappers)
# What it reproduces: layer wrappers; deconv2d passes an optional regularizer to
#   tf.contrib.layers.conv2d_transpose(weights_regularizer=...), which files it under REGULARIZATION_LOSSES.
from __future__ import absolute_import, division, print_function

import tensorflow as tf
import tensorflow.contrib.layers as layers


def lrelu(x, alpha=0.1):
    return tf.nn.relu(x) - alpha * tf.nn.relu(-x)


def deconv2d(inp, num_filters, kernel_size, stride, name, reg=None, activation_fn='relu'):
    with tf.variable_scope(name):
        out = layers.conv2d_transpose(inp, num_outputs=num_filters, kernel_size=[kernel_size, kernel_size],
                                      stride=[stride, stride], padding='same', activation_fn=None,
                                      weights_initializer=layers.xavier_initializer(seed=1),
                                      weights_regularizer=reg)
        if activation_fn == 'relu':
            out = tf.nn.relu(layers.batch_norm(out, decay=0.9, updates_collections=None))
        elif activation_fn == 'tanh':
            out = tf.nn.tanh(out)
    return out
