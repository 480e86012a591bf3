# Idiom seen in: pypi-data/pypi-mirror-38 packages/easy_net_tf-0.0.106.tar.gz/easy_net_tf-0.0.106/easy_net_tf/tf/variable.py
# What it reproduces: layer helpers that create their kernels through UtilityVariable.initialize_weight
#   with the default ('l2_regular', 0.0005) tuple.
import tensorflow as tf

from variable import UtilityVariable


class ConvLayer:
    def __init__(self, in_channels, out_channels, kernel=3, stride=1, name='conv'):
        self.w = UtilityVariable.initialize_weight([kernel, kernel, in_channels, out_channels], name=name + '_w')
        self.b = UtilityVariable.initialize_bias([out_channels], name=name + '_b')
        self.stride = stride

    def __call__(self, x):
        y = tf.nn.conv2d(x, self.w, [1, self.stride, self.stride, 1], padding='SAME')
        return tf.nn.relu(tf.nn.bias_add(y, self.b))


class DenseLayer:
    def __init__(self, in_units, out_units, activation=tf.nn.relu, name='fc'):
        self.w = UtilityVariable.initialize_weight([in_units, out_units], name=name + '_w')
        self.b = UtilityVariable.initialize_bias([out_units], name=name + '_b')
        self.activation = activation

    def __call__(self, x):
        y = tf.matmul(x, self.w) + self.b
        return self.activation(y) if self.activation is not None else y
