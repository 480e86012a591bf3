# Idiom seen in: conan7882/VGG-cifar src/nets/vgg.py
# What it reproduces: VGG for CIFAR-10 built with the wd-aware conv/linear helpers; _get_loss returns the
#   cross entropy only.
import tensorflow as tf
from tensorflow.contrib.framework import arg_scope

import layers as L
from base import BaseModel

INIT_W = tf.keras.initializers.he_normal()


class VGG_CIFAR10(BaseModel):
    def __init__(self, n_channel, n_class, bn=False, wd=0, trainable=True):
        self._n_channel = n_channel
        self.n_class = n_class
        self._bn = bn
        self._wd = wd
        self._trainable = trainable
        self.layers = {}

    def _create_train_input(self):
        self.image = tf.placeholder(tf.float32, [None, None, None, self._n_channel], name='image')
        self.label = tf.placeholder(tf.int64, [None], 'label')
        self.keep_prob = tf.placeholder(tf.float32, name='keep_prob')
        self.lr = tf.placeholder(tf.float32, name='lr')

    def create_train_model(self):
        self.set_is_training(True)
        self._create_train_input()
        with tf.variable_scope('conv_layers', reuse=tf.AUTO_REUSE):
            self.layers['conv_out'] = self._conv_layers(self.image)
        with tf.variable_scope('fc_layers', reuse=tf.AUTO_REUSE):
            self.layers['logits'] = self._fc_layers(self.layers['conv_out'])
            self.layers['gap_out'] = self.layers['logits']

    def _conv_layers(self, inputs):
        self.layers['cur_input'] = inputs
        with arg_scope([L.conv], layer_dict=self.layers, bn=self._bn, nl=tf.nn.relu,
                       init_w=INIT_W, trainable=self._trainable, is_training=self.is_training,
                       wd=self._wd):
            for block, (n_conv, dim) in enumerate([(2, 64), (2, 128), (3, 256), (3, 512), (3, 512)]):
                for i in range(n_conv):
                    L.conv(filter_size=3, out_dim=dim, name='conv%d_%d' % (block + 1, i + 1))
                L.max_pool(self.layers, name='pool%d' % (block + 1))
        return self.layers['cur_input']

    def _fc_layers(self, inputs):
        self.layers['cur_input'] = inputs
        with arg_scope([L.conv], layer_dict=self.layers, bn=self._bn, init_w=INIT_W,
                       trainable=self._trainable, is_training=self.is_training, wd=self._wd):
            L.conv(filter_size=1, out_dim=1024, nl=tf.nn.relu, name='fc6')
        net = L.global_avg_pool(self.layers['cur_input'])
        net = tf.nn.dropout(net, keep_prob=self.keep_prob)
        return L.linear(self.n_class, layer_dict=self.layers, inputs=net, init_w=INIT_W,
                        wd=self._wd, trainable=self._trainable, name='fc7')

    def _get_loss(self):
        with tf.name_scope('loss'):
            cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(
                labels=self.label, logits=self.layers['gap_out'], name='cross_entropy')
            return tf.reduce_mean(cross_entropy)

    def _get_optimizer(self):
        return tf.train.AdamOptimizer(self.lr)

    def get_accuracy(self):
        with tf.name_scope('accuracy'):
            correct = tf.equal(tf.argmax(self.layers['gap_out'], axis=1), self.label)
            return tf.reduce_mean(tf.cast(correct, tf.float32))
