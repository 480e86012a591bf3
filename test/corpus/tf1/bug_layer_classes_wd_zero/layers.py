# Idiom seen in: persistforever/cifar10-tensorflow src/layer/conv_layer.py, src/layer/dense_layer.py
# What it reproduces: layer classes with an optional weight_decay argument that adds
#   weight_decay*l2_loss(W) to the 'losses' collection only when it is truthy.
# label-note: WD303 on the guard of the shared decay helper: every ConvLayer is built with
#   weight_decay=None and every DenseLayer with config.WEIGHT_DECAY, which is 0.0, so the helper
#   never adds a term although the model does sum the 'losses' collection.
import tensorflow as tf


def add_weight_decay(var, weight_decay):
  if weight_decay:  # expect: WD303
    decay = tf.multiply(tf.nn.l2_loss(var), weight_decay, name='weight_loss')
    tf.add_to_collection('losses', decay)


class ConvLayer(object):
  def __init__(self, input_shape, n_size, n_filter, stride=1, activation='relu',
               batch_normal=False, weight_decay=None, name='conv'):
    self.input_shape = input_shape
    self.stride = stride
    self.activation = activation
    self.batch_normal = batch_normal
    self.weight = tf.Variable(tf.random_normal([n_size, n_size, input_shape[3], n_filter],
                                               mean=0.0, stddev=0.01), name='W_%s' % name)
    self.bias = tf.Variable(tf.constant(0.0, shape=[n_filter]), name='b_%s' % name)
    if batch_normal:
      self.gamma = tf.Variable(tf.ones([n_filter]), name='gamma_%s' % name)
    add_weight_decay(self.weight, weight_decay)

  def get_output(self, input):
    conv = tf.nn.conv2d(input, self.weight, strides=[1, self.stride, self.stride, 1],
                        padding='SAME')
    if self.batch_normal:
      mean, variance = tf.nn.moments(conv, axes=[0, 1, 2])
      hidden = tf.nn.batch_normalization(conv, mean, variance, self.bias, self.gamma, 1e-5)
    else:
      hidden = conv + self.bias
    return tf.nn.relu(hidden) if self.activation == 'relu' else hidden


class DenseLayer(object):
  def __init__(self, input_shape, hidden_dim, activation='relu', dropout=False, keep_prob=None,
               weight_decay=None, name='dense'):
    self.activation = activation
    self.dropout = dropout
    self.keep_prob = keep_prob
    self.weight = tf.Variable(tf.truncated_normal([input_shape[1], hidden_dim], stddev=0.01),
                              name='W_%s' % name)
    self.bias = tf.Variable(tf.constant(0.0, shape=[hidden_dim]), name='b_%s' % name)
    add_weight_decay(self.weight, weight_decay)

  def get_output(self, input):
    if self.dropout:
      input = tf.nn.dropout(input, keep_prob=self.keep_prob)
    hidden = tf.matmul(input, self.weight) + self.bias
    return tf.nn.relu(hidden) if self.activation == 'relu' else hidden
