# Idiom seen in: lucosanta/tensorflow-cifar10-test CNN.py
# Idiom seen in: lucosanta/tensorflow-cifar10-test main.py
# What it reproduces: a CNN class whose get_variable calls carry an l2 regularizer; loss() returns the bare
# cross entropy and train(loss_op) minimizes it. The script sums the regularization losses into a total that
# is only logged (user's mistake in this repo's idiom): WD105 on the sum in main.py.
import numpy as np
import tensorflow as tf


class CNN:
    def __init__(self, lr=1e-3, batch_size=512, num_batches=97, weight_decay=5e-4):
        self.lr = lr
        self.batch_size = batch_size
        self.num_batches = num_batches
        self.g_step = tf.train.get_or_create_global_step()
        self.regularizer = tf.contrib.layers.l2_regularizer(weight_decay)

    def build(self, x):
        net = self.conv_layer(x, 2, 3, 48, name='conv1', strides=2)
        net = self.conv_layer(net, 2, 48, 192, name='conv2', strides=2)
        net = self.conv_layer(net, 4, 192, 512, name='conv3', strides=4)
        net = tf.contrib.layers.flatten(net)
        net = tf.nn.relu(self.fc_layer(net, 2048, 384, name='fc3'))
        net = tf.nn.relu(self.fc_layer(net, 384, 192, name='fc4'))
        return self.fc_layer(net, 192, 10, name='logits')

    def loss(self, labels, logits):
        xent = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
        loss_op = tf.reduce_mean(xent)
        return loss_op, tf.summary.scalar('loss', loss_op)

    def train(self, loss_op):
        self.lr = tf.train.exponential_decay(self.lr, self.g_step,
                                             self.batch_size * self.num_batches, 0.8, staircase=True)
        return tf.train.AdamOptimizer(self.lr).minimize(loss_op, global_step=self.g_step)

    def conv_layer(self, bottom, f_size, in_c, out_c, name, strides=1):
        with tf.variable_scope(name) as scope:
            f = tf.get_variable(name + '_f', [f_size, f_size, in_c, out_c],
                                initializer=tf.truncated_normal_initializer(stddev=0.05),
                                regularizer=self.regularizer)
            b = tf.get_variable(name + '_b', [out_c], initializer=tf.zeros_initializer())
            conv = tf.nn.conv2d(bottom, f, [1, strides, strides, 1], padding='SAME')
            return tf.nn.relu(tf.nn.bias_add(conv, b), name=scope.name)

    def fc_layer(self, bottom, in_size, out_size, name):
        with tf.variable_scope(name):
            w = tf.get_variable(name + '_w', [in_size, out_size],
                                initializer=tf.truncated_normal_initializer(stddev=0.04),
                                regularizer=self.regularizer)
            b = tf.get_variable(name + '_b', [out_size], initializer=tf.zeros_initializer())
            return tf.nn.xw_plus_b(tf.reshape(bottom, [-1, in_size]), w, b)
