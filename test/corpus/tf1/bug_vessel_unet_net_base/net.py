# Idiom seen in: Zxr1314/DeepLearning net/net.py
# Idiom seen in: Zxr1314/DeepLearning net/unet2d.py
# Idiom seen in: Zxr1314/DeepLearning solver/solver2d.py
# What it reproduces: a Net base class whose conv2d helper builds its kernels with the CIFAR-10
#   _variable_with_weight_decay (wd=1.0) into the 'losses' collection; the subclass's loss() returns
#   only the data term and the solver minimizes that, so nothing ever sums 'losses' (real repo bug).
'''Net base class for the 2-D vessel segmentation networks.'''
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import math

import tensorflow as tf


class Net(object):
    def __init__(self, common_params, net_params):
        self.pretrained_collection = []
        self.trainable_collection = []
        self.all_collection = []

    def _variable_on_cpu(self, name, shape, initializer, pretrain=True, train=True):
        with tf.device('/cpu:0'):
            var = tf.get_variable(name, shape, dtype=tf.float32, initializer=initializer)
            if pretrain:
                self.pretrained_collection.append(var)
            if train:
                self.trainable_collection.append(var)
            self.all_collection.append(var)
        return var

    def _variable_with_weight_decay(self, name, shape, stddev, wd, pretrain=True, train=True):
        var = self._variable_on_cpu(name, shape,
                                    tf.random_normal_initializer(stddev=stddev, dtype=tf.float32),
                                    pretrain=pretrain, train=train)
        if wd is not None:
            weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
            tf.add_to_collection('losses', weight_decay)  # expect: WD101
        return var

    def conv2d(self, scope, input, kernel_size, stride=[1, 1, 1, 1], padding='SAME',
               pretrain=True, train=True, use_bias=True):
        with tf.name_scope(scope):
            s = float(kernel_size[0] * kernel_size[1])
            kernel = self._variable_with_weight_decay(scope + '_weights', shape=kernel_size,
                                                      stddev=1.0 / math.sqrt(s), wd=1.0,
                                                      pretrain=pretrain, train=train)
            conv = tf.nn.conv2d(input, kernel, strides=stride, padding=padding)
            if use_bias:
                biases = self._variable_on_cpu(scope + '_biases', kernel_size[3:],
                                               tf.constant_initializer(0.0), pretrain, train)
                conv = tf.nn.bias_add(conv, biases)
            bn = tf.contrib.layers.batch_norm(conv, decay=0.999, epsilon=1e-3, is_training=True)
        return bn

    def conv2d_transpose(self, scope, input, target, kernel_size, stride=[1, 1, 1, 1],
                         pretrain=True, train=True):
        with tf.name_scope(scope):
            s = float(kernel_size[0] * kernel_size[1])
            kernel = self._variable_on_cpu(scope + '_weights', kernel_size,
                                           tf.random_normal_initializer(stddev=1.0 / math.sqrt(s)),
                                           pretrain=pretrain, train=train)
            conv = tf.nn.conv2d_transpose(input, kernel, target, stride, name='deconv')
            biases = self._variable_on_cpu(scope + '_biases', kernel_size[2],
                                           tf.constant_initializer(0.0), pretrain, train)
        return tf.nn.bias_add(conv, biases)

    def inference(self, images, **kwargs):
        raise NotImplementedError

    def loss(self, predicts, labels, eval_names):
        raise NotImplementedError
