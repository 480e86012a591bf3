# Idiom seen in: dalgu90/resnet-18-tensorflow resnet.py
# What it reproduces: the ResNet class whose build_train_op reads utils.WEIGHT_DECAY_KEY, sums
# tf.nn.l2_loss over the collected kernels, multiplies by hp.weight_decay, adds it to the cross
# entropy and hands that total to MomentumOptimizer.compute_gradients. Correctly wired: no finding.
from collections import namedtuple

import tensorflow as tf

import utils

HParams = namedtuple('HParams', 'batch_size, num_classes, weight_decay, momentum')


class ResNet(object):
    def __init__(self, hp, images, labels, global_step):
        self._hp = hp
        self._images = images
        self._labels = labels
        self._global_step = global_step
        self.lr = tf.compat.v1.placeholder(tf.float32, name='lr')
        self.is_train = tf.compat.v1.placeholder(tf.bool, name='is_train')

    def _residual_block(self, x, name='unit'):
        num_channel = x.get_shape().as_list()[-1]
        with tf.compat.v1.variable_scope(name):
            shortcut = x
            x = utils._conv(x, 3, num_channel, 1, name='conv_1')
            x = utils._relu(utils._bn(x, self.is_train, name='bn_1'))
            x = utils._conv(x, 3, num_channel, 1, name='conv_2')
            x = utils._bn(x, self.is_train, name='bn_2')
            return utils._relu(x + shortcut)

    def build_model(self):
        with tf.compat.v1.variable_scope('conv1'):
            x = utils._conv(self._images, 7, 64, 2)
            x = utils._relu(utils._bn(x, self.is_train))
            x = tf.nn.max_pool2d(x, 3, 2, 'SAME')
        x = self._residual_block(x, name='conv2_1')
        x = self._residual_block(x, name='conv2_2')
        with tf.compat.v1.variable_scope('logits'):
            x = tf.reduce_mean(x, [1, 2])
            self.logits = utils._fc(x, self._hp.num_classes)
        losses = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=self.logits, labels=self._labels)
        self.loss = tf.reduce_mean(losses, name='cross_entropy')
        tf.compat.v1.summary.scalar('cross_entropy', self.loss)

    def build_train_op(self):
        opt = tf.compat.v1.train.MomentumOptimizer(self.lr, self._hp.momentum)
        with tf.compat.v1.variable_scope('l2_loss'):
            costs = [tf.nn.l2_loss(var) for var in tf.compat.v1.get_collection(utils.WEIGHT_DECAY_KEY)]
            l2_loss = tf.multiply(self._hp.weight_decay, tf.add_n(costs))
        total_loss = self.loss + l2_loss
        grads_and_vars = opt.compute_gradients(total_loss, tf.compat.v1.trainable_variables())
        apply_grad_op = opt.apply_gradients(grads_and_vars, global_step=self._global_step)
        update_ops = tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.UPDATE_OPS)
        self.train_op = tf.group(*(update_ops + [apply_grad_op]))
