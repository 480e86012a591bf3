# Idiom seen in: charlesq34/pointnet models/pointnet_cls.py
# Idiom seen in: charlesq34/pointnet utils/tf_util.py
# What it reproduces: PointNet classification with decay added on the FC head and the 'losses'
# collection summed into get_loss() (a realistic user extension; the repository passes no decay at
# all). The head's decay constant was typed with a sign slip, so the "decay" grows the FC weights.
import numpy as np
import tensorflow as tf

import tf_util

FC_WEIGHT_DECAY = -0.0005  # expect: WD302


def placeholder_inputs(batch_size, num_point):
    pointclouds_pl = tf.placeholder(tf.float32, shape=(batch_size, num_point, 3))
    labels_pl = tf.placeholder(tf.int32, shape=(batch_size))
    return pointclouds_pl, labels_pl


def get_model(point_cloud, is_training, bn_decay=None):
    batch_size = point_cloud.get_shape()[0].value
    num_point = point_cloud.get_shape()[1].value
    end_points = {}
    net = tf.expand_dims(point_cloud, -1)
    net = tf_util.conv2d(net, 64, [1, 3], padding='VALID', bn=True, is_training=is_training,
                         scope='conv1', bn_decay=bn_decay)
    for i, width in enumerate([64, 64, 128, 1024]):
        net = tf_util.conv2d(net, width, [1, 1], padding='VALID', bn=True, is_training=is_training,
                             scope='conv%d' % (i + 2), bn_decay=bn_decay)
    end_points['transform'] = tf.eye(64, batch_shape=[batch_size])
    net = tf_util.max_pool2d(net, [num_point, 1], padding='VALID', scope='maxpool')
    net = tf.reshape(net, [batch_size, -1])
    net = tf_util.fully_connected(net, 512, bn=True, is_training=is_training, scope='fc1',
                                  bn_decay=bn_decay, weight_decay=FC_WEIGHT_DECAY)
    net = tf.layers.dropout(net, rate=0.3, training=is_training)
    net = tf_util.fully_connected(net, 256, bn=True, is_training=is_training, scope='fc2',
                                  bn_decay=bn_decay, weight_decay=FC_WEIGHT_DECAY)
    net = tf.layers.dropout(net, rate=0.3, training=is_training)
    net = tf_util.fully_connected(net, 40, activation_fn=None, scope='fc3')
    return net, end_points


def get_loss(pred, label, end_points, reg_weight=0.001):
    loss = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=pred, labels=label)
    classify_loss = tf.reduce_mean(loss)
    tf.summary.scalar('classify loss', classify_loss)

    transform = end_points['transform']
    K = transform.get_shape()[1].value
    mat_diff = tf.matmul(transform, tf.transpose(transform, perm=[0, 2, 1]))
    mat_diff -= tf.constant(np.eye(K), dtype=tf.float32)
    mat_diff_loss = tf.nn.l2_loss(mat_diff)
    tf.summary.scalar('mat loss', mat_diff_loss)

    weight_decay_loss = tf.add_n(tf.get_collection('losses'), name='weight_decay_loss')
    return classify_loss + mat_diff_loss * reg_weight + weight_decay_loss
