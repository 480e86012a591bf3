# Idiom seen in: tinghuiz/SfMLearner nets.py
# What it reproduces: the pose/explainability network and the depth network, each built under a slim
#   arg_scope that gives every conv / transposed conv weights_regularizer=slim.l2_regularizer(0.05).
# label-note: WD102 on both weights_regularizer= lines: sfmlearner.py builds total_loss from the
#   photometric, smoothness and explainability terms only and never reads REGULARIZATION_LOSSES
#   (reported upstream as SfMLearner issue #34 and acknowledged by the author).
from __future__ import division

import tensorflow as tf
import tensorflow.contrib.slim as slim

DISP_SCALING = 10
MIN_DISP = 0.01


def pose_exp_net(tgt_image, src_image_stack, is_training=True):
    inputs = tf.concat([tgt_image, src_image_stack], axis=3)
    num_source = int(src_image_stack.get_shape()[3].value // 3)
    with tf.variable_scope('pose_exp_net'):
        with slim.arg_scope([slim.conv2d, slim.conv2d_transpose],
                            normalizer_fn=None,
                            weights_regularizer=slim.l2_regularizer(0.05),  # expect: WD102
                            activation_fn=tf.nn.relu):
            cnv1 = slim.conv2d(inputs, 16, [7, 7], stride=2, scope='cnv1')
            cnv2 = slim.conv2d(cnv1, 32, [5, 5], stride=2, scope='cnv2')
            cnv3 = slim.conv2d(cnv2, 64, [3, 3], stride=2, scope='cnv3')
            cnv4 = slim.conv2d(cnv3, 128, [3, 3], stride=2, scope='cnv4')
            with tf.variable_scope('pose'):
                cnv5 = slim.conv2d(cnv4, 256, [3, 3], stride=2, scope='cnv5')
                pose_pred = slim.conv2d(cnv5, 6 * num_source, [1, 1], scope='pred',
                                        normalizer_fn=None, activation_fn=None)
                pose_final = 0.01 * tf.reshape(tf.reduce_mean(pose_pred, [1, 2]), [-1, num_source, 6])
            with tf.variable_scope('exp'):
                upcnv3 = slim.conv2d_transpose(cnv4, 64, [3, 3], stride=2, scope='upcnv3')
                mask2 = slim.conv2d(upcnv3, num_source * 2, [3, 3], scope='mask2', activation_fn=None)
                upcnv2 = slim.conv2d_transpose(upcnv3, 32, [5, 5], stride=2, scope='upcnv2')
                upcnv1 = slim.conv2d_transpose(upcnv2, 16, [7, 7], stride=2, scope='upcnv1')
                mask1 = slim.conv2d(upcnv1, num_source * 2, [7, 7], scope='mask1', activation_fn=None)
    return pose_final, [mask1, mask2]


def disp_net(tgt_image, is_training=True):
    H, W = tgt_image.get_shape()[1].value, tgt_image.get_shape()[2].value
    with tf.variable_scope('depth_net'):
        with slim.arg_scope([slim.conv2d, slim.conv2d_transpose],
                            normalizer_fn=None,
                            weights_regularizer=slim.l2_regularizer(0.05),  # expect: WD102
                            activation_fn=tf.nn.relu):
            cnv1 = slim.conv2d(tgt_image, 32, [7, 7], stride=2, scope='cnv1')
            cnv1b = slim.conv2d(cnv1, 32, [7, 7], stride=1, scope='cnv1b')
            cnv2 = slim.conv2d(cnv1b, 64, [5, 5], stride=2, scope='cnv2')
            cnv2b = slim.conv2d(cnv2, 64, [5, 5], stride=1, scope='cnv2b')
            cnv3 = slim.conv2d(cnv2b, 128, [3, 3], stride=2, scope='cnv3')
            upcnv3 = slim.conv2d_transpose(cnv3, 64, [3, 3], stride=2, scope='upcnv3')
            icnv3 = slim.conv2d(tf.concat([upcnv3, cnv2b], axis=3), 64, [3, 3], scope='icnv3')
            disp2 = DISP_SCALING * slim.conv2d(icnv3, 1, [3, 3], activation_fn=tf.sigmoid, scope='disp2') + MIN_DISP
            disp2_up = tf.image.resize_bilinear(disp2, [H // 2, W // 2])
            upcnv2 = slim.conv2d_transpose(icnv3, 32, [3, 3], stride=2, scope='upcnv2')
            icnv2 = slim.conv2d(tf.concat([upcnv2, cnv1b, disp2_up], axis=3), 32, [3, 3], scope='icnv2')
            disp1 = DISP_SCALING * slim.conv2d(icnv2, 1, [3, 3], activation_fn=tf.sigmoid, scope='disp1') + MIN_DISP
            upcnv1 = slim.conv2d_transpose(icnv2, 16, [3, 3], stride=2, scope='upcnv1')
            icnv1 = slim.conv2d(tf.concat([upcnv1, tf.image.resize_bilinear(disp1, [H, W])], axis=3), 16,
                                [3, 3], scope='icnv1')
            disp0 = DISP_SCALING * slim.conv2d(icnv1, 1, [3, 3], activation_fn=tf.sigmoid, scope='disp0') + MIN_DISP
    return [disp0, disp1, disp2]
