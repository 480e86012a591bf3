# Idiom seen in: wizyoung/YOLOv3_TensorFlow model.py (yolov3 class, slim.arg_scope with weights_regularizer=slim.l2_regularizer(self.weight_decay))
# What it reproduces: a TF1 slim detector whose conv weights are regularized through nested slim.arg_scope;
#   the regularization losses are fetched in train.py with tf.losses.get_regularization_loss(). Clean.
from __future__ import division, print_function

import tensorflow as tf
slim = tf.contrib.slim

from utils.layer_utils import conv2d, darknet53_body, yolo_block, upsample_layer


class yolov3(object):

    def __init__(self, class_num, anchors, use_label_smooth=False, batch_norm_decay=0.999, weight_decay=5e-4):
        self.class_num = class_num
        self.anchors = anchors
        self.batch_norm_decay = batch_norm_decay
        self.use_label_smooth = use_label_smooth
        self.weight_decay = weight_decay

    def _detection_head(self, net):
        out = slim.conv2d(net, 3 * (5 + self.class_num), 1, stride=1, normalizer_fn=None,
                          activation_fn=None, biases_initializer=tf.zeros_initializer())
        return out

    def forward(self, inputs, is_training=False, reuse=False):
        self.img_size = tf.shape(inputs)[1:3]
        batch_norm_params = {
            'decay': self.batch_norm_decay,
            'epsilon': 1e-05,
            'scale': True,
            'is_training': is_training,
            'fused': None,
        }
        with slim.arg_scope([slim.conv2d, slim.batch_norm], reuse=reuse):
            with slim.arg_scope([slim.conv2d],
                                normalizer_fn=slim.batch_norm,
                                normalizer_params=batch_norm_params,
                                biases_initializer=None,
                                activation_fn=lambda x: tf.nn.leaky_relu(x, alpha=0.1),
                                weights_regularizer=slim.l2_regularizer(self.weight_decay)):
                with tf.variable_scope('darknet53_body'):
                    route_1, route_2, route_3 = darknet53_body(inputs)

                with tf.variable_scope('yolov3_head'):
                    inter1, net = yolo_block(route_3, 512)
                    feature_map_1 = tf.identity(self._detection_head(net), name='feature_map_1')

                    inter1 = conv2d(inter1, 256, 1)
                    inter1 = upsample_layer(inter1, tf.shape(route_2))
                    inter2, net = yolo_block(tf.concat([inter1, route_2], axis=3), 256)
                    feature_map_2 = tf.identity(self._detection_head(net), name='feature_map_2')

                    inter2 = conv2d(inter2, 128, 1)
                    inter2 = upsample_layer(inter2, tf.shape(route_1))
                    _, net = yolo_block(tf.concat([inter2, route_1], axis=3), 128)
                    feature_map_3 = tf.identity(self._detection_head(net), name='feature_map_3')

        return feature_map_1, feature_map_2, feature_map_3

    def loss_layer(self, feature_map_i, y_true):
        grid_size = tf.shape(feature_map_i)[1:3]
        N = tf.cast(tf.shape(feature_map_i)[0], tf.float32)
        pred = tf.reshape(feature_map_i, [-1, grid_size[0], grid_size[1], 3, 5 + self.class_num])
        object_mask = y_true[..., 4:5]
        xy_loss = tf.reduce_sum(tf.square(y_true[..., 0:2] - tf.sigmoid(pred[..., 0:2])) * object_mask) / N
        wh_loss = tf.reduce_sum(tf.square(y_true[..., 2:4] - pred[..., 2:4]) * object_mask) / N
        conf_loss = tf.reduce_sum(
            tf.nn.sigmoid_cross_entropy_with_logits(labels=object_mask, logits=pred[..., 4:5])) / N
        label_target = y_true[..., 5:]
        if self.use_label_smooth:
            label_target = (1 - 0.01) * label_target + 0.01 / self.class_num
        class_loss = tf.reduce_sum(object_mask * tf.nn.sigmoid_cross_entropy_with_logits(
            labels=label_target, logits=pred[..., 5:])) / N
        return xy_loss, wh_loss, conf_loss, class_loss

    def compute_loss(self, y_pred, y_true):
        loss_xy, loss_wh, loss_conf, loss_class = 0., 0., 0., 0.
        for i in range(len(y_pred)):
            result = self.loss_layer(y_pred[i], y_true[i])
            loss_xy += result[0]
            loss_wh += result[1]
            loss_conf += result[2]
            loss_class += result[3]
        total_loss = loss_xy + loss_wh + loss_conf + loss_class
        return [total_loss, loss_xy, loss_wh, loss_conf, loss_class]
