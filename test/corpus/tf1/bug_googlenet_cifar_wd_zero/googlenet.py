# Idiom seen in: conan7882/GoogLeNet-Inception src/nets/googlenet.py
# Idiom seen in: conan7882/GoogLeNet-Inception src/nets/base.py
# What it reproduces: GoogLeNet for CIFAR keeping wd on self._wd and handing it to every block; the train op
#   differentiates the main + 0.3 * auxiliary cross entropy with tf.gradients.
import tensorflow as tf
from tensorflow.contrib.framework import arg_scope

import inception_module as module
import layers as L

INIT_W = tf.keras.initializers.he_normal()


class GoogLeNet_cifar(object):
    def __init__(self, n_channel, n_class, bn=False, wd=0, conv_trainable=True, fc_trainable=True):
        self._n_channel = n_channel
        self.n_class = n_class
        self._bn = bn
        self._wd = wd
        self._conv_trainable = conv_trainable
        self._fc_trainable = fc_trainable
        self.layers = {}

    def create_train_model(self):
        self.is_training = True
        self.image = tf.placeholder(tf.float32, [None, None, None, self._n_channel], name='image')
        self.label = tf.placeholder(tf.int64, [None], 'label')
        self.keep_prob = tf.placeholder(tf.float32, name='keep_prob')
        self.lr = tf.placeholder(tf.float32, name='lr')
        self._build()

    def create_test_model(self):
        self.is_training = False
        self.image = tf.placeholder(tf.float32, [None, None, None, self._n_channel], name='image')
        self.label = tf.placeholder(tf.int64, [None], 'label')
        self.keep_prob = 1.
        self._build()

    def _build(self):
        with tf.variable_scope('conv_layers', reuse=tf.AUTO_REUSE):
            net = L.conv(3, 64, self.layers, inputs=self.image, bn=self._bn, nl=tf.nn.relu,
                         init_w=INIT_W, wd=self._wd, is_training=self.is_training,
                         trainable=self._conv_trainable, name='conv1_3x3')
        with tf.variable_scope('inception_layers', reuse=tf.AUTO_REUSE):
            with arg_scope([module.inception_layer], layer_dict=self.layers, bn=self._bn,
                           wd=self._wd, init_w=INIT_W, is_training=self.is_training,
                           trainable=self._conv_trainable):
                module.inception_layer(64, 96, 128, 16, 32, 32, inputs=net, name='inception_3a')
                module.inception_layer(128, 128, 192, 32, 96, 64, name='inception_3b')
                L.max_pool(self.layers, filter_size=3, stride=2, name='pool3')
                aux_in_0 = module.inception_layer(192, 96, 208, 16, 48, 64, name='inception_4a')
                module.inception_layer(160, 112, 224, 24, 64, 64, name='inception_4b')
                aux_in_1 = module.inception_layer(112, 144, 288, 32, 64, 64, name='inception_4d')
                net = module.inception_layer(256, 160, 320, 32, 128, 128, name='inception_4e')
        with tf.variable_scope('fc_layers', reuse=tf.AUTO_REUSE):
            net = tf.reduce_mean(net, axis=[1, 2])
            net = tf.nn.dropout(net, self.keep_prob)
            self.layers['logits'] = L.linear(self.n_class, self.layers, inputs=net, init_w=INIT_W,
                                             wd=self._wd, trainable=self._fc_trainable, name='fc')
        if self.is_training:
            for i, aux_in in enumerate([aux_in_0, aux_in_1]):
                with tf.variable_scope('auxiliary_{}'.format(i), reuse=tf.AUTO_REUSE):
                    self.layers['auxiliary_logits_{}'.format(i)] = module.auxiliary_classifier(
                        self.layers, self.n_class, self.keep_prob, aux_in, bn=self._bn,
                        wd=self._wd, init_w=INIT_W, is_training=True,
                        trainable=self._fc_trainable)

    def _xent(self, logits):
        return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
            labels=self.label, logits=logits))

    def get_loss(self):
        with tf.name_scope('loss'):
            loss = self._xent(self.layers['logits'])
            if self.is_training:
                aux = self._xent(self.layers['auxiliary_logits_0']) + \
                    self._xent(self.layers['auxiliary_logits_1'])
                loss = loss + 0.3 * aux
            return loss

    def get_train_op(self):
        with tf.name_scope('train'):
            opt = tf.train.AdamOptimizer(self.lr)
            var_list = tf.trainable_variables()
            grads = tf.gradients(self.get_loss(), var_list)
            return opt.apply_gradients(zip(grads, var_list))

    def get_accuracy(self):
        correct = tf.equal(tf.argmax(self.layers['logits'], axis=1), self.label)
        return tf.reduce_mean(tf.cast(correct, tf.float32))
