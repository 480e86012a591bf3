# Idiom seen in: tylersco/adapted_deep_embeddings models/utils.py
# Idiom seen in: tylersco/adapted_deep_embeddings models/baseline_model.py
# What it reproduces: layer helpers that add l2_loss*weight_decay to a 'weight_decay' collection when
#   weight_decay is given; as in the repository no model ever passes weight_decay, so the decay code is dead.
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import functools

import tensorflow as tf
from tensorflow.python.client import device_lib


def _stride(s):
    return [1, s, s, 1]


def _relu(x):
    return tf.nn.relu(x)


def _softmax(x):
    return tf.nn.softmax(x)


def _max_pooling(name, x, kernel_size, stride, padding='SAME'):
    return tf.nn.max_pool(x, ksize=_stride(kernel_size), strides=_stride(stride),
                          padding=padding, name=name)


def _conv(name, x, filter_size, in_size, out_size, stride, padding='SAME',
          bias=True, reuse=None, weight_decay=None):
    with tf.variable_scope(name, reuse=reuse):
        weights = tf.get_variable(
            'conv_weights', [filter_size, filter_size, in_size, out_size],
            tf.float32, initializer=tf.initializers.random_normal())
        res = tf.nn.conv2d(x, weights, _stride(stride), padding=padding)
        if bias:
            biases = tf.get_variable('conv_biases', [out_size], tf.float32,
                                     initializer=tf.initializers.zeros())
            res += biases
        if weight_decay:  # expect: WD303
            wd = tf.nn.l2_loss(weights) * weight_decay
            tf.add_to_collection('weight_decay', wd)
    return res


def _fully_connected(name, x, out_size, reuse=None, weight_decay=None):
    with tf.variable_scope(name, reuse=reuse):
        weights = tf.get_variable(
            'fc_weights', [x.get_shape()[1], out_size], tf.float32,
            initializer=tf.initializers.random_normal())
        biases = tf.get_variable('fc_biases', [out_size], tf.float32,
                                 initializer=tf.initializers.zeros())
        if weight_decay:  # expect: WD303
            wd = tf.nn.l2_loss(weights) * weight_decay
            tf.add_to_collection('weight_decay', wd)
        return tf.nn.xw_plus_b(x, weights, biases)


def get_available_gpus():
    local_devices = device_lib.list_local_devices()
    return [d.name for d in local_devices if d.device_type == 'GPU']


def define_scope(function):
    attribute = '_cache_' + function.__name__

    @property
    @functools.wraps(function)
    def decorator(self):
        if not hasattr(self, attribute):
            with tf.variable_scope(function.__name__):
                setattr(self, attribute, function(self))
        return getattr(self, attribute)
    return decorator


class AttrDict(dict):
    __getattr__ = dict.__getitem__
    __setattr__ = dict.__setitem__
