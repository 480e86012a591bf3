# Idiom seen in: smurve/experiments cifar10_estimator/cifar10_main.py
# What it reproduces: the model module of the cifar10_estimator example (a small ResNet built with
#   tf.layers, no regularizers: the decay is added by hand in the tower function). Clean.
import tensorflow as tf


class ResNetCifar10(object):
    def __init__(self, num_layers, is_training, batch_norm_decay, batch_norm_epsilon,
                 data_format='channels_last'):
        self.n = (num_layers - 2) // 6
        self._is_training = is_training
        self._bn_decay = batch_norm_decay
        self._bn_eps = batch_norm_epsilon
        self._data_format = data_format

    def _conv(self, x, filters, strides):
        return tf.layers.conv2d(x, filters, 3, strides=strides, padding='same', use_bias=False,
                                data_format=self._data_format)

    def _bn_relu(self, x):
        x = tf.layers.batch_normalization(x, momentum=self._bn_decay, epsilon=self._bn_eps,
                                          training=self._is_training)
        return tf.nn.relu(x)

    def forward_pass(self, x):
        x = self._conv(x, 16, 1)
        for i, filters in enumerate([16, 32, 64]):
            for j in range(self.n):
                strides = 2 if (i > 0 and j == 0) else 1
                shortcut = x
                x = self._conv(self._bn_relu(x), filters, strides)
                x = self._conv(self._bn_relu(x), filters, 1)
                if strides == 2 or shortcut.get_shape()[-1] != filters:
                    shortcut = tf.layers.conv2d(shortcut, filters, 1, strides=strides, padding='same')
                x = x + shortcut
        x = tf.reduce_mean(self._bn_relu(x), [1, 2])
        return tf.layers.dense(x, 10)
