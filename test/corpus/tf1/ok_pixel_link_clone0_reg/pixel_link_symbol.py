# Idiom seen in: ZJULearning/pixel_link nets/pixel_link_symbol.py
# What it reproduces: VGG base net built inside slim.arg_scope(weights_regularizer=l2(config.weight_decay));
#   build_loss adds the two task losses with tf.losses.add_loss (LOSSES collection).
import tensorflow as tf

import config
import vgg

slim = tf.contrib.slim


class PixelLinkNet(object):
    def __init__(self, inputs, is_training):
        self.inputs = inputs
        self.is_training = is_training
        with slim.arg_scope([slim.conv2d],
                            activation_fn=tf.nn.relu,
                            weights_regularizer=slim.l2_regularizer(config.weight_decay),
                            weights_initializer=tf.contrib.layers.xavier_initializer(),
                            biases_initializer=tf.zeros_initializer()):
            with slim.arg_scope([slim.conv2d, slim.max_pool2d], padding='SAME') as sc:
                self.arg_scope = sc
                self.net, self.end_points = vgg.basenet(inputs=self.inputs)
        with slim.arg_scope(self.arg_scope):
            self.pixel_cls_logits = slim.conv2d(self.net, 2, [1, 1], activation_fn=None, scope='cls')
            self.pixel_link_logits = slim.conv2d(self.net, 16, [1, 1], activation_fn=None, scope='link')

    def build_loss(self, pixel_cls_labels, pixel_cls_weights, pixel_link_labels, pixel_link_weights):
        cls_loss = tf.losses.sparse_softmax_cross_entropy(
            labels=pixel_cls_labels, logits=self.pixel_cls_logits, weights=pixel_cls_weights)
        link_logits = tf.reshape(self.pixel_link_logits, tf.concat([tf.shape(self.pixel_link_logits)[:3], [8, 2]], 0))
        link_loss = tf.losses.sparse_softmax_cross_entropy(
            labels=pixel_link_labels, logits=link_logits, weights=pixel_link_weights,
            loss_collection=None)
        tf.losses.add_loss(link_loss)
        tf.summary.scalar('pixel_cls_loss', cls_loss)
        tf.summary.scalar('pixel_link_loss', link_loss)
