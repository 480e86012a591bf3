# Idiom seen in: pythonlessons/TensorFlow-2.x-YOLOv3 yolov3/yolov3.py
# What it reproduces: Create_Yolo builds the functional model out of the regularized conv helper and returns a tf.keras.Model; compute_loss returns (giou, conf, prob) for one scale.
import tensorflow as tf
from tensorflow.keras.layers import Input, UpSampling2D

from yolov3.configs import *  # noqa: F401,F403
from yolov3.common import convolutional, residual_block


def darknet_tiny_body(x):
    x = convolutional(x, (3, 3, 3, 32))
    x = convolutional(x, (3, 3, 32, 64), downsample=True)
    x = residual_block(x, 64, 32, 64)
    x = convolutional(x, (3, 3, 64, 128), downsample=True)
    route_1 = residual_block(x, 128, 64, 128)
    x = convolutional(route_1, (3, 3, 128, 256), downsample=True)
    route_2 = residual_block(x, 256, 128, 256)
    return route_1, route_2


def Create_Yolo(input_size=416, channels=3, training=False, num_class=80):
    input_layer = Input([input_size, input_size, channels])
    route_1, route_2 = darknet_tiny_body(input_layer)
    conv_l = convolutional(route_2, (3, 3, 256, 512))
    conv_lbbox = convolutional(conv_l, (1, 1, 512, 3 * (num_class + 5)), activate=False, bn=False)
    up = UpSampling2D()(convolutional(route_2, (1, 1, 256, 128)))
    conv_m = convolutional(tf.concat([up, route_1], axis=-1), (3, 3, 256, 256))
    conv_mbbox = convolutional(conv_m, (1, 1, 256, 3 * (num_class + 5)), activate=False, bn=False)
    outputs = [conv_mbbox, conv_mbbox, conv_lbbox, conv_lbbox] if training else [conv_mbbox, conv_lbbox]
    return tf.keras.Model(input_layer, outputs)


def compute_loss(pred, conv, label, bboxes, i=0, num_class=80):
    conv_shape = tf.shape(conv)
    conv = tf.reshape(conv, (conv_shape[0], conv_shape[1], conv_shape[1], 3, 5 + num_class))
    respond_bbox = label[..., 4:5]
    conf_loss = tf.reduce_mean(tf.reduce_sum(
        tf.nn.sigmoid_cross_entropy_with_logits(labels=respond_bbox, logits=conv[..., 4:5]), axis=[1, 2, 3, 4]))
    prob_loss = tf.reduce_mean(tf.reduce_sum(respond_bbox * tf.nn.sigmoid_cross_entropy_with_logits(
        labels=label[..., 5:], logits=conv[..., 5:]), axis=[1, 2, 3, 4]))
    giou_loss = tf.reduce_mean(tf.reduce_sum(respond_bbox * tf.abs(label[..., 0:4] - pred[..., 0:4]),
                                             axis=[1, 2, 3, 4]))
    return giou_loss, conf_loss, prob_loss
