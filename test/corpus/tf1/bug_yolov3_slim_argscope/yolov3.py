# Idiom seen in: YunYang1994/tensorflow-yolov3 core/yolov3.py
# Idiom seen in: YunYang1994/tensorflow-yolov3 quick_train.py
# What it reproduces: YOLOv3 forward built under nested slim.arg_scope blocks (batch norm, leaky relu,
#   no biases); the user adds weights_regularizer=slim.l2_regularizer(5e-4) to the conv arg_scope, but the
#   training script minimizes loss[0], the summed YOLO terms, and never reads the regularization losses.
import tensorflow as tf
from core import utils

slim = tf.contrib.slim


class yolov3(object):

    def __init__(self, num_classes, anchors, batch_norm_decay=0.9, leaky_relu=0.1, weight_decay=5e-4):
        self._ANCHORS = anchors
        self._BATCH_NORM_DECAY = batch_norm_decay
        self._LEAKY_RELU = leaky_relu
        self._WEIGHT_DECAY = weight_decay
        self._NUM_CLASSES = num_classes
        self.feature_maps = []

    @staticmethod
    def _conv2d_fixed_padding(inputs, filters, kernel_size, strides=1):
        if strides > 1:
            pad_total = kernel_size - 1
            pad_beg = pad_total // 2
            inputs = tf.pad(inputs, [[0, 0], [pad_beg, pad_total - pad_beg], [pad_beg, pad_total - pad_beg], [0, 0]])
        return slim.conv2d(inputs, filters, kernel_size, stride=strides,
                           padding=('SAME' if strides == 1 else 'VALID'))

    def _darknet53_block(self, inputs, filters):
        shortcut = inputs
        inputs = self._conv2d_fixed_padding(inputs, filters * 1, 1)
        inputs = self._conv2d_fixed_padding(inputs, filters * 2, 3)
        return inputs + shortcut

    def _yolo_block(self, inputs, filters):
        for _ in range(2):
            inputs = self._conv2d_fixed_padding(inputs, filters * 1, 1)
            inputs = self._conv2d_fixed_padding(inputs, filters * 2, 3)
        inputs = self._conv2d_fixed_padding(inputs, filters * 1, 1)
        route = inputs
        inputs = self._conv2d_fixed_padding(inputs, filters * 2, 3)
        return route, inputs

    def _detection_layer(self, inputs, anchors):
        num_anchors = len(anchors)
        return slim.conv2d(inputs, num_anchors * (5 + self._NUM_CLASSES), 1, stride=1, normalizer_fn=None,
                           activation_fn=None, biases_initializer=tf.zeros_initializer())

    def forward(self, inputs, is_training=False, reuse=False):
        self.img_size = tf.shape(inputs)[1:3]
        batch_norm_params = {'decay': self._BATCH_NORM_DECAY, 'epsilon': 1e-05, 'scale': True,
                             'is_training': is_training, 'fused': None}

        with slim.arg_scope([slim.conv2d, slim.batch_norm], reuse=reuse):
            with slim.arg_scope([slim.conv2d], weights_regularizer=slim.l2_regularizer(self._WEIGHT_DECAY),  # expect: WD102
                                normalizer_fn=slim.batch_norm, normalizer_params=batch_norm_params,
                                biases_initializer=None,
                                activation_fn=lambda x: tf.nn.leaky_relu(x, alpha=self._LEAKY_RELU)):
                with tf.variable_scope('darknet-53'):
                    net = self._conv2d_fixed_padding(inputs, 32, 3)
                    net = self._conv2d_fixed_padding(net, 64, 3, strides=2)
                    net = self._darknet53_block(net, 32)
                    net = self._conv2d_fixed_padding(net, 128, 3, strides=2)
                    for i in range(2):
                        net = self._darknet53_block(net, 64)
                    net = self._conv2d_fixed_padding(net, 256, 3, strides=2)
                    for i in range(8):
                        net = self._darknet53_block(net, 128)
                    route_1 = net
                    net = self._conv2d_fixed_padding(net, 512, 3, strides=2)
                    for i in range(8):
                        net = self._darknet53_block(net, 256)
                    route_2 = net
                    net = self._conv2d_fixed_padding(net, 1024, 3, strides=2)
                    for i in range(4):
                        net = self._darknet53_block(net, 512)

                with tf.variable_scope('yolo-v3'):
                    route, inputs = self._yolo_block(net, 512)
                    feature_map_1 = tf.identity(self._detection_layer(inputs, self._ANCHORS[6:9]), name='feature_map_1')
                    inputs = self._conv2d_fixed_padding(route, 256, 1)
                    inputs = tf.image.resize_nearest_neighbor(inputs, tf.shape(route_2)[1:3])
                    inputs = tf.concat([inputs, route_2], axis=3)
                    route, inputs = self._yolo_block(inputs, 256)
                    feature_map_2 = tf.identity(self._detection_layer(inputs, self._ANCHORS[3:6]), name='feature_map_2')
                    inputs = self._conv2d_fixed_padding(route, 128, 1)
                    inputs = tf.image.resize_nearest_neighbor(inputs, tf.shape(route_1)[1:3])
                    inputs = tf.concat([inputs, route_1], axis=3)
                    route, inputs = self._yolo_block(inputs, 128)
                    feature_map_3 = tf.identity(self._detection_layer(inputs, self._ANCHORS[0:3]), name='feature_map_3')

        return feature_map_1, feature_map_2, feature_map_3

    def compute_loss(self, pred_feature_map, y_true, ignore_thresh=0.5, max_box_per_image=8):
        loss_xy, loss_wh, loss_conf, loss_class = 0., 0., 0., 0.
        _ANCHORS = [self._ANCHORS[6:9], self._ANCHORS[3:6], self._ANCHORS[0:3]]
        for i in range(len(pred_feature_map)):
            result = utils.loss_layer(pred_feature_map[i], y_true[i], _ANCHORS[i], self._NUM_CLASSES,
                                      self.img_size, ignore_thresh, max_box_per_image)
            loss_xy += result[0]
            loss_wh += result[1]
            loss_conf += result[2]
            loss_class += result[3]
        total_loss = loss_xy + loss_wh + loss_conf + loss_class
        return [total_loss, loss_xy, loss_wh, loss_conf, loss_class]
