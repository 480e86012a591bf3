# Idiom seen in: DeepRNN/image_captioning utils/nn.py
# Idiom seen in: DeepRNN/image_captioning model.py
# What it reproduces: every weight() call adds tf.nn.l2_loss(var) to a per-part collection 'l2_<group_id>'
#   (0 = CNN encoder, 1 = RNN decoder); the model sums both collections into the minimized loss (clean).
import math

import numpy as np
import tensorflow as tf


def weight(name, shape, init='normal', stddev=0.01, group_id=0):
    if init == 'he':
        fan_in = np.prod(shape[:-1])
        initializer = tf.random_normal_initializer(stddev=math.sqrt(2.0 / fan_in))
    elif init == 'xavier':
        fan_in, fan_out = np.prod(shape[:-1]), shape[-1]
        rng = math.sqrt(6.0 / (fan_in + fan_out))
        initializer = tf.random_uniform_initializer(-rng, rng)
    else:
        initializer = tf.random_normal_initializer(stddev=stddev)
    var = tf.get_variable(name, shape, initializer=initializer)
    tf.add_to_collection('l2_' + str(group_id), tf.nn.l2_loss(var))
    return var


def bias(name, dim, init_val=0.0):
    dims = dim if isinstance(dim, list) else [dim]
    return tf.get_variable(name, dims, initializer=tf.constant_initializer(init_val))


def convolution(x, k_h, k_w, c_o, s_h, s_w, name, init_w='he', group_id=0):
    c_i = x.get_shape().as_list()[-1]
    with tf.variable_scope(name):
        w = weight('weights', [k_h, k_w, c_i, c_o], init=init_w, group_id=group_id)
        z = tf.nn.conv2d(x, w, [1, s_h, s_w, 1], padding='SAME')
        z = tf.nn.bias_add(z, bias('biases', c_o))
    return tf.nn.relu(z)


def fully_connected(x, output_size, name, init_w='xavier', group_id=0):
    input_dim = x.get_shape().as_list()[-1]
    with tf.variable_scope(name):
        w = weight('weights', [input_dim, output_size], init=init_w, group_id=group_id)
        b = bias('biases', [output_size])
        return tf.nn.xw_plus_b(x, w, b)


def max_pool(x, k, s, name):
    return tf.nn.max_pool(x, ksize=[1, k, k, 1], strides=[1, s, s, 1], padding='SAME', name=name)
