# Idiom seen in: ildoonet/tf-pose-estimation tf_pose/network_base.py (module-level _l2_regularizer_00004 / _l2_regularizer_convb passed as slim weights_regularizer=)
# What it reproduces: a Caffe-style BaseNetwork whose slim separable/conv blocks carry weights_regularizer; train.py
#   (multi-GPU towers) minimizes only the heatmap/PAF L2 losses and never reads REGULARIZATION_LOSSES (bug).
from __future__ import absolute_import

import abc

import tensorflow as tf
import tensorflow.contrib.slim as slim

DEFAULT_PADDING = 'SAME'
REGULARIZER_CONV = 0.004
BATCHNORM_FUSED = True

_init_xavier = tf.contrib.layers.xavier_initializer()
_init_zero = slim.init_ops.zeros_initializer()
_l2_regularizer_00004 = tf.contrib.layers.l2_regularizer(0.00004)
_l2_regularizer_convb = tf.contrib.layers.l2_regularizer(REGULARIZER_CONV)


def layer(op):
    def layer_decorated(self, *args, **kwargs):
        name = kwargs.setdefault('name', self.get_unique_name(op.__name__))
        layer_input = self.terminals[0] if len(self.terminals) == 1 else list(self.terminals)
        layer_output = op(self, layer_input, *args, **kwargs)
        self.layers[name] = layer_output
        self.feed(layer_output)
        return self
    return layer_decorated


class BaseNetwork(object):
    def __init__(self, inputs, trainable=True):
        self.inputs = inputs
        self.terminals = []
        self.layers = dict(inputs)
        self.trainable = trainable
        self.setup()

    @abc.abstractmethod
    def setup(self):
        raise NotImplementedError('Must be implemented by the subclass.')

    def feed(self, *args):
        self.terminals = [self.layers[a] if isinstance(a, str) else a for a in args]
        return self

    def get_output(self, name=None):
        return self.terminals[-1] if not name else self.layers[name]

    def get_unique_name(self, prefix):
        ident = sum(t.startswith(prefix) for t, _ in self.layers.items()) + 1
        return '%s_%d' % (prefix, ident)

    @layer
    def separable_conv(self, input, k_h, k_w, c_o, stride, name, relu=True, set_bias=True):
        with slim.arg_scope([slim.batch_norm], decay=0.999, fused=BATCHNORM_FUSED, is_training=self.trainable):
            output = slim.separable_convolution2d(input, num_outputs=None, stride=stride,
                                                  trainable=self.trainable, depth_multiplier=1.0,
                                                  kernel_size=[k_h, k_w], activation_fn=None,
                                                  weights_initializer=_init_xavier,
                                                  weights_regularizer=_l2_regularizer_00004,  # expect: WD102
                                                  biases_initializer=None, padding=DEFAULT_PADDING,
                                                  scope=name + '_depthwise')
            output = slim.convolution2d(output, c_o, stride=1, kernel_size=[1, 1],
                                        activation_fn=tf.nn.relu if relu else None,
                                        weights_initializer=_init_xavier,
                                        biases_initializer=_init_zero if set_bias else None,
                                        normalizer_fn=slim.batch_norm, trainable=self.trainable,
                                        weights_regularizer=None,
                                        scope=name + '_pointwise')
        return output

    @layer
    def convb(self, input, k_h, k_w, c_o, stride, name, relu=True, set_bias=True):
        with slim.arg_scope([slim.batch_norm], decay=0.999, fused=BATCHNORM_FUSED, is_training=self.trainable):
            output = slim.convolution2d(input, c_o, kernel_size=[k_h, k_w], stride=stride,
                                        normalizer_fn=slim.batch_norm,
                                        weights_regularizer=_l2_regularizer_convb,  # expect: WD102
                                        weights_initializer=_init_xavier,
                                        biases_initializer=_init_zero if set_bias else None,
                                        trainable=self.trainable,
                                        activation_fn=tf.nn.relu if relu else None, scope=name)
        return output

    @layer
    def max_pool(self, input, k_h, k_w, s_h, s_w, name, padding=DEFAULT_PADDING):
        return tf.nn.max_pool(input, ksize=[1, k_h, k_w, 1], strides=[1, s_h, s_w, 1], padding=padding, name=name)

    @layer
    def concat(self, inputs, axis, name):
        return tf.concat(axis=axis, values=inputs, name=name)
