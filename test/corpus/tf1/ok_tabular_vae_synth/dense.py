# Idiom seen in: synthesized-io/insight synthesized/core/transformations/dense.py
# Idiom seen in: synthesized-io/insight synthesized/core/util.py
# What it reproduces: tf.get_variable(..., regularizer=util.regularizers[...]) on the weight (and bias)
#   of each dense transformation; the terms land in REGULARIZATION_LOSSES. Clean (summed in synthesizer.py).
import tensorflow as tf

import util


class DenseTransformation(object):

    def __init__(self, name, input_size, output_size, bias=True, batchnorm=True,
                 activation='relu', regularizer='l2'):
        self.name = name
        self.input_size = input_size
        self.output_size = output_size
        self.use_bias = bias
        self.batchnorm = batchnorm
        self.activation = activation
        self.regularizer = regularizer
        with tf.variable_scope(name):
            self.tf_initialize()

    def tf_initialize(self):
        shape = (self.input_size, self.output_size)
        regularizer = util.regularizers[self.regularizer]
        self.weight = tf.get_variable(
            name='weight', shape=shape, dtype=tf.float32,
            initializer=util.initializers['normal'], regularizer=regularizer, trainable=True)
        if self.use_bias:
            self.bias = tf.get_variable(
                name='bias', shape=(self.output_size,), dtype=tf.float32,
                initializer=util.initializers['zero'], regularizer=regularizer, trainable=True)
        else:
            self.bias = None
        if self.batchnorm:
            self.offset = tf.get_variable(name='offset', shape=(self.output_size,),
                                          initializer=util.initializers['zero'])
            self.scale = tf.get_variable(name='scale', shape=(self.output_size,),
                                         initializer=util.initializers['zero'])

    def transform(self, x):
        x = tf.matmul(x, self.weight)
        if self.bias is not None:
            x = tf.nn.bias_add(x, self.bias)
        if self.batchnorm:
            mean, variance = tf.nn.moments(x, axes=(0,))
            x = tf.nn.batch_normalization(x, mean, variance, offset=self.offset,
                                          scale=tf.nn.softplus(self.scale), variance_epsilon=1e-6)
        if self.activation == 'relu':
            x = tf.nn.relu(x)
        elif self.activation == 'tanh':
            x = tf.tanh(x)
        return x
