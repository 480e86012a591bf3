# Idiom seen in: zakizhou/mnist_input_pipeline mnist.py
# What it reproduces: FCN layer helpers around the tutorial's _variable_with_weight_decay; every call
#   passes CONV_WEIGHT_DECAY (None) or SCORE_WEIGHT_DECAY (0.0) from params.py, so the guarded decay
#   block is dead code although the loss does sum the 'losses' collection.
import tensorflow as tf

from params import *


def _variable_with_weight_decay(name, shape, stddev, wd):
    var = tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))
    if wd is not None:  # expect: WD303
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def conv_layer(x, shape, name):
    with tf.variable_scope(name):
        w = _variable_with_weight_decay('weights', shape, stddev=0.01, wd=CONV_WEIGHT_DECAY)
        b = tf.get_variable('biases', [shape[-1]], initializer=tf.zeros_initializer())
        return tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(x, w, [1, 1, 1, 1], 'SAME'), b))


def score_layer(x, num_classes, name):
    with tf.variable_scope(name):
        in_ch = x.get_shape()[3].value
        w = _variable_with_weight_decay('weights', [1, 1, in_ch, num_classes], stddev=0.001, wd=SCORE_WEIGHT_DECAY)
        b = tf.get_variable('biases', [num_classes], initializer=tf.zeros_initializer())
        return tf.nn.bias_add(tf.nn.conv2d(x, w, [1, 1, 1, 1], 'SAME'), b)
