# Idiom seen in: charlesq34/pointnet2 models/pointnet2_part_seg.py
# Idiom seen in: charlesq34/pointnet2 utils/tf_util.py
# What it reproduces: the segmentation head is built with weight_decay=WEIGHT_DECAY; get_loss puts the
#   cross entropy in 'losses' and returns it alone.
import tensorflow as tf
import tf_util
from pointnet_util import pointnet_sa_module, pointnet_fp_module

WEIGHT_DECAY = 1e-4


def placeholder_inputs(batch_size, num_point):
    pointclouds_pl = tf.placeholder(tf.float32, shape=(batch_size, num_point, 6))
    labels_pl = tf.placeholder(tf.int32, shape=(batch_size, num_point))
    return pointclouds_pl, labels_pl


def get_model(point_cloud, is_training, bn_decay=None):
    l0_xyz = tf.slice(point_cloud, [0, 0, 0], [-1, -1, 3])
    l0_points = tf.slice(point_cloud, [0, 0, 3], [-1, -1, 3])

    l1_xyz, l1_points = pointnet_sa_module(l0_xyz, l0_points, npoint=512, radius=0.2, nsample=64,
                                           mlp=[64, 64, 128], is_training=is_training,
                                           bn_decay=bn_decay, scope='layer1')
    l2_xyz, l2_points = pointnet_sa_module(l1_xyz, l1_points, npoint=128, radius=0.4, nsample=64,
                                           mlp=[128, 128, 256], is_training=is_training,
                                           bn_decay=bn_decay, scope='layer2')
    l1_points = pointnet_fp_module(l1_xyz, l2_xyz, l1_points, l2_points, [256, 128],
                                   is_training, bn_decay, scope='fa_layer2')
    l0_points = pointnet_fp_module(l0_xyz, l1_xyz, tf.concat([l0_xyz, l0_points], axis=-1),
                                   l1_points, [128, 128, 128], is_training, bn_decay,
                                   scope='fa_layer3')

    net = tf_util.conv1d(l0_points, 128, 1, padding='VALID', bn=True, is_training=is_training,
                         scope='fc1', bn_decay=bn_decay, weight_decay=WEIGHT_DECAY)
    net = tf_util.dropout(net, keep_prob=0.5, is_training=is_training, scope='dp1')
    net = tf_util.conv1d(net, 50, 1, padding='VALID', activation_fn=None, scope='fc2',
                         weight_decay=WEIGHT_DECAY)
    return net


def get_loss(pred, label):
    loss = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=pred, labels=label)
    classify_loss = tf.reduce_mean(loss)
    tf.summary.scalar('classify loss', classify_loss)
    tf.add_to_collection('losses', classify_loss)
    return classify_loss
