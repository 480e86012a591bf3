# Idiom seen in: charlesq34/pointnet2 models/pointnet2_cls_ssg.py
# Idiom seen in: charlesq34/pointnet2 utils/tf_util.py
# What it reproduces: the classification model calls tf_util layers without weight_decay, so no
#   decay term is ever created; get_loss adds only the classification loss to 'losses'.
"""
    PointNet++ style model for point cloud classification (single-scale grouping).
"""

import tensorflow as tf
import tf_util
from pointnet_util import sample_and_group


def placeholder_inputs(batch_size, num_point):
    pointclouds_pl = tf.placeholder(tf.float32, shape=(batch_size, num_point, 3))
    labels_pl = tf.placeholder(tf.int32, shape=(batch_size))
    return pointclouds_pl, labels_pl


def sa_module(xyz, points, npoint, radius, nsample, mlp, is_training, bn_decay, scope):
    with tf.variable_scope(scope):
        new_xyz, new_points = sample_and_group(npoint, radius, nsample, xyz, points)
        for i, num_out_channel in enumerate(mlp):
            new_points = tf_util.conv2d(new_points, num_out_channel, [1, 1],
                                        padding='VALID', stride=[1, 1], bn=True,
                                        is_training=is_training, scope='conv%d' % i,
                                        bn_decay=bn_decay)
        new_points = tf.reduce_max(new_points, axis=[2])
        return new_xyz, new_points


def get_model(point_cloud, is_training, bn_decay=None):
    batch_size = point_cloud.get_shape()[0].value
    l1_xyz, l1_points = sa_module(point_cloud, None, 512, 0.2, 32, [64, 64, 128],
                                  is_training, bn_decay, 'layer1')
    l2_xyz, l2_points = sa_module(l1_xyz, l1_points, 128, 0.4, 64, [128, 128, 256],
                                  is_training, bn_decay, 'layer2')
    l3_points = tf_util.conv2d(tf.expand_dims(l2_points, 2), 1024, [1, 1], bn=True,
                               is_training=is_training, scope='layer3', bn_decay=bn_decay)
    net = tf.reshape(tf.reduce_max(l3_points, axis=1), [batch_size, -1])

    net = tf_util.fully_connected(net, 512, bn=True, is_training=is_training, scope='fc1', bn_decay=bn_decay)
    net = tf_util.dropout(net, keep_prob=0.5, is_training=is_training, scope='dp1')
    net = tf_util.fully_connected(net, 256, bn=True, is_training=is_training, scope='fc2', bn_decay=bn_decay)
    net = tf_util.dropout(net, keep_prob=0.5, is_training=is_training, scope='dp2')
    net = tf_util.fully_connected(net, 40, activation_fn=None, scope='fc3')
    return net


def get_loss(pred, label):
    loss = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=pred, labels=label)
    classify_loss = tf.reduce_mean(loss)
    tf.summary.scalar('classify loss', classify_loss)
    tf.add_to_collection('losses', classify_loss)
    return classify_loss
