# Idiom seen in: linxd5/cifar10 cifar10_model.py
# What it reproduces: inference() in a model module that builds conv/fc layers through the decay helper imported from another module (wd=None for convs and the classifier, 0.004 for the fc layers). Clean.
import tensorflow as tf

import cifar10_input
from net_utils import variable_with_weight_decay
from net_utils import variable_on_cpu
from net_utils import activation_summary

NUM_CLASSES = cifar10_input.NUM_CLASSES
FC_WD = 0.004


def _conv(name, inputs, in_ch, out_ch):
  with tf.variable_scope(name) as scope:
    kernel = variable_with_weight_decay('weights', shape=[5, 5, in_ch, out_ch],
                                        stddev=5e-2, wd=None)
    conv = tf.nn.conv2d(inputs, kernel, [1, 1, 1, 1], padding='SAME')
    biases = variable_on_cpu('biases', [out_ch], tf.constant_initializer(0.0))
    out = tf.nn.relu(tf.nn.bias_add(conv, biases), name=scope.name)
    activation_summary(out)
  return out


def inference(images, batch_size):
  net = _conv('conv1', images, 3, 64)
  net = tf.nn.max_pool(net, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
  net = _conv('conv2', net, 64, 64)
  net = tf.nn.max_pool(net, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')

  with tf.variable_scope('local3') as scope:
    reshape = tf.reshape(net, [batch_size, -1])
    dim = reshape.get_shape()[1].value
    weights = variable_with_weight_decay('weights', shape=[dim, 384], stddev=0.04, wd=FC_WD)
    biases = variable_on_cpu('biases', [384], tf.constant_initializer(0.1))
    local3 = tf.nn.relu(tf.matmul(reshape, weights) + biases, name=scope.name)

  with tf.variable_scope('local4') as scope:
    weights = variable_with_weight_decay('weights', shape=[384, 192], stddev=0.04, wd=FC_WD)
    biases = variable_on_cpu('biases', [192], tf.constant_initializer(0.1))
    local4 = tf.nn.relu(tf.matmul(local3, weights) + biases, name=scope.name)

  with tf.variable_scope('softmax_linear') as scope:
    weights = variable_with_weight_decay('weights', [192, NUM_CLASSES],
                                         stddev=1 / 192.0, wd=None)
    biases = variable_on_cpu('biases', [NUM_CLASSES], tf.constant_initializer(0.0))
    softmax_linear = tf.add(tf.matmul(local4, weights), biases, name=scope.name)
  return softmax_linear
