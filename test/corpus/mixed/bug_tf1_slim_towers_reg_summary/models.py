# Idiom seen in: baidu-research/UnDepthflow models.py
# What it reproduces: a Model class whose constructor builds the network towers and sets self.loss from photometric and smoothness terms only (no regularization losses), with its own scalar summaries.
import tensorflow as tf

from nets.flow_net import construct_flow

FLAGS = tf.app.flags.FLAGS


def charbonnier(x, eps=1e-3):
    return tf.reduce_mean(tf.sqrt(tf.square(x) + eps ** 2))


def smoothness(flow):
    dx = flow[:, :, 1:, :] - flow[:, :, :-1, :]
    dy = flow[:, 1:, :, :] - flow[:, :-1, :, :]
    return tf.reduce_mean(tf.abs(dx)) + tf.reduce_mean(tf.abs(dy))


class Model_flow(object):
    def __init__(self, image1, image2, reuse_scope=False, scope=None):
        with tf.variable_scope(scope, reuse=reuse_scope):
            flow = construct_flow(image1, image2, reuse_scope)
            flow_full = tf.image.resize_bilinear(flow, tf.shape(image1)[1:3]) * 64.0
            warped = tf.contrib.image.dense_image_warp(image2, -flow_full)
            pixel_loss = charbonnier(image1 - warped)
            smooth_loss = FLAGS.flow_smooth_weight * smoothness(flow)
            self.loss = pixel_loss + smooth_loss
            self.summ_op = tf.summary.merge([
                tf.summary.scalar('pixel_loss', pixel_loss),
                tf.summary.scalar('smooth_loss', smooth_loss),
                tf.summary.scalar('total_loss', self.loss),
            ])
