# Idiom seen in: bubbliiiing/Mnist-recognition-By-Slim slim/nets/Net.py
# Idiom seen in: bubbliiiing/Mnist-recognition-By-Slim slim/CNN.py
# What it reproduces: the repo's slim Conv_Net with an arg_scope weights_regularizer; the cross entropy
# goes through tf.losses and the script trains tf.losses.get_total_loss(), which adds
# REGULARIZATION_LOSSES (clean).
import tensorflow as tf
import numpy as np

slim = tf.contrib.slim


class Conv_Net(object):

    def net(self, inputs, weight_decay=0.0005, is_training=True):
        with tf.variable_scope("Net"):
            with slim.arg_scope([slim.conv2d, slim.fully_connected],
                                activation_fn=tf.nn.relu,
                                weights_regularizer=slim.l2_regularizer(weight_decay)):
                # first conv layer
                net = slim.conv2d(inputs, 32, [5, 5], padding="SAME", scope='conv1_1')
                net = slim.max_pool2d(net, [2, 2], stride=2, padding="SAME", scope='pool1')

                # second conv layer
                net = slim.conv2d(net, 64, [3, 3], padding="SAME", scope='conv2_1')
                net = slim.max_pool2d(net, [2, 2], stride=2, padding="SAME", scope='pool2')

                net = tf.reshape(net, [-1, 7 * 7 * 64])
                # fully connected layers
                layer1 = slim.fully_connected(net, 512, scope='fully1')
                layer1 = slim.dropout(layer1, 0.5, is_training=is_training, scope='dropout1')
                logits = slim.fully_connected(layer1, 10, activation_fn=None, scope='fully3')
                return logits

    def get_loss(self, labels, logits):
        with tf.variable_scope("loss"):
            loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
            tf.summary.scalar("loss", loss)
        return loss
