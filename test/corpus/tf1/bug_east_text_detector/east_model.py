# Idiom seen in: argman/EAST model.py
# What it reproduces: EAST text detector on a slim ResNet-50 backbone; the feature-merging branch sets weights_regularizer=slim.l2_regularizer(weight_decay) in an arg_scope, so the L2 terms land in REGULARIZATION_LOSSES and must be summed by the trainer.
import numpy as np
import tensorflow as tf
from tensorflow.contrib import slim

from nets import resnet_v1

tf.app.flags.DEFINE_integer("text_scale", 512, "")
FLAGS = tf.app.flags.FLAGS


def unpool(inputs):
    return tf.image.resize_bilinear(inputs, size=[tf.shape(inputs)[1] * 2, tf.shape(inputs)[2] * 2])


def mean_image_subtraction(images, means=(123.68, 116.78, 103.94)):
    channels = tf.split(axis=3, num_or_size_splits=3, value=images)
    for i in range(3):
        channels[i] -= means[i]
    return tf.concat(axis=3, values=channels)


def model(images, weight_decay=1e-5, is_training=True):
    images = mean_image_subtraction(images)
    with slim.arg_scope(resnet_v1.resnet_arg_scope(weight_decay=weight_decay)):
        _, end_points = resnet_v1.resnet_v1_50(images, is_training=is_training, scope="resnet_v1_50")

    with tf.variable_scope("feature_fusion", values=[end_points.values]):
        bn_params = {"decay": 0.997, "epsilon": 1e-5, "scale": True, "is_training": is_training}
        with slim.arg_scope([slim.conv2d],
                            activation_fn=tf.nn.relu,
                            normalizer_fn=slim.batch_norm,
                            normalizer_params=bn_params,
                            weights_regularizer=slim.l2_regularizer(weight_decay)):  # expect: WD102
            feats = [end_points["pool5"], end_points["pool4"], end_points["pool3"], end_points["pool2"]]
            num_outputs = [None, 128, 64, 32]
            g, h = [None] * 4, [None] * 4
            for i in range(4):
                if i == 0:
                    h[i] = feats[i]
                else:
                    c1_1 = slim.conv2d(tf.concat([g[i - 1], feats[i]], axis=-1), num_outputs[i], 1)
                    h[i] = slim.conv2d(c1_1, num_outputs[i], 3)
                g[i] = unpool(h[i]) if i <= 2 else slim.conv2d(h[i], num_outputs[i], 3)

            f_score = slim.conv2d(g[3], 1, 1, activation_fn=tf.nn.sigmoid, normalizer_fn=None)
            geo_map = slim.conv2d(g[3], 4, 1, activation_fn=tf.nn.sigmoid, normalizer_fn=None) * FLAGS.text_scale
            angle = (slim.conv2d(g[3], 1, 1, activation_fn=tf.nn.sigmoid, normalizer_fn=None) - 0.5) * np.pi / 2
            f_geometry = tf.concat([geo_map, angle], axis=-1)
    return f_score, f_geometry


def dice_coefficient(y_true_cls, y_pred_cls, training_mask):
    eps = 1e-5
    intersection = tf.reduce_sum(y_true_cls * y_pred_cls * training_mask)
    union = tf.reduce_sum(y_true_cls * training_mask) + tf.reduce_sum(y_pred_cls * training_mask) + eps
    return 1.0 - (2 * intersection / union)


def loss(y_true_cls, y_pred_cls, y_true_geo, y_pred_geo, training_mask):
    classification_loss = 0.01 * dice_coefficient(y_true_cls, y_pred_cls, training_mask)
    d1_gt, d2_gt, d3_gt, d4_gt, theta_gt = tf.split(value=y_true_geo, num_or_size_splits=5, axis=3)
    d1_p, d2_p, d3_p, d4_p, theta_p = tf.split(value=y_pred_geo, num_or_size_splits=5, axis=3)
    area_gt = (d1_gt + d3_gt) * (d2_gt + d4_gt)
    area_pred = (d1_p + d3_p) * (d2_p + d4_p)
    w_union = tf.minimum(d2_gt, d2_p) + tf.minimum(d4_gt, d4_p)
    h_union = tf.minimum(d1_gt, d1_p) + tf.minimum(d3_gt, d3_p)
    area_intersect = w_union * h_union
    area_union = area_gt + area_pred - area_intersect
    l_aabb = -tf.log((area_intersect + 1.0) / (area_union + 1.0))
    l_theta = 1 - tf.cos(theta_p - theta_gt)
    l_g = l_aabb + 20 * l_theta
    return tf.reduce_mean(l_g * y_true_cls * training_mask) + classification_loss
