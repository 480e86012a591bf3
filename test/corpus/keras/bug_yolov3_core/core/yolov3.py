# Idiom seen in: YunYang1994/TensorFlow2.0-Examples 4-Object_Detection/YOLOV3/train.py (imports core.yolov3)
# What it reproduces: the model module of a YOLO repository; decay lives in core/common.py.
import numpy as np
import tensorflow as tf

import core.common as common
import core.utils as utils
from core.config import cfg

NUM_CLASS = len(utils.read_class_names(cfg.YOLO.CLASSES))
ANCHORS = utils.get_anchors(cfg.YOLO.ANCHORS)
STRIDES = np.array(cfg.YOLO.STRIDES)


def darknet53(input_data):
    input_data = common.convolutional(input_data, (3, 3, 3, 32))
    input_data = common.convolutional(input_data, (3, 3, 32, 64), downsample=True)
    input_data = common.residual_block(input_data, 64, 32, 64)
    input_data = common.convolutional(input_data, (3, 3, 64, 128), downsample=True)
    for _ in range(2):
        input_data = common.residual_block(input_data, 128, 64, 128)
    route_1 = input_data = common.convolutional(input_data, (3, 3, 128, 256), downsample=True)
    route_2 = input_data = common.convolutional(input_data, (3, 3, 256, 512), downsample=True)
    input_data = common.convolutional(input_data, (3, 3, 512, 1024), downsample=True)
    return route_1, route_2, input_data


def YOLOv3(input_layer):
    route_1, route_2, conv = darknet53(input_layer)
    conv_lbbox = common.convolutional(conv, (1, 1, 1024, 3 * (NUM_CLASS + 5)), activate=False, bn=False)
    conv = common.upsample(common.convolutional(conv, (1, 1, 1024, 256)))
    conv = tf.concat([conv, route_2], axis=-1)
    conv_mbbox = common.convolutional(conv, (1, 1, 768, 3 * (NUM_CLASS + 5)), activate=False, bn=False)
    conv = common.upsample(common.convolutional(conv, (1, 1, 768, 128)))
    conv = tf.concat([conv, route_1], axis=-1)
    conv_sbbox = common.convolutional(conv, (1, 1, 384, 3 * (NUM_CLASS + 5)), activate=False, bn=False)
    return [conv_sbbox, conv_mbbox, conv_lbbox]


def decode(conv_output, i=0):
    shape = tf.shape(conv_output)
    conv_output = tf.reshape(conv_output, (shape[0], shape[1], shape[2], 3, 5 + NUM_CLASS))
    raw_dxdy, raw_dwdh, raw_conf, raw_prob = tf.split(conv_output, (2, 2, 1, NUM_CLASS), axis=-1)
    pred_xy = tf.sigmoid(raw_dxdy) * STRIDES[i]
    pred_wh = tf.exp(raw_dwdh) * ANCHORS[i] * STRIDES[i]
    return tf.concat([pred_xy, pred_wh, tf.sigmoid(raw_conf), tf.sigmoid(raw_prob)], axis=-1)


def compute_loss(pred, conv, label, bboxes, i=0):
    conv_shape = tf.shape(conv)
    conv = tf.reshape(conv, (conv_shape[0], conv_shape[1], conv_shape[2], 3, 5 + NUM_CLASS))
    respond_bbox = label[..., 4:5]
    giou = tf.expand_dims(utils.bbox_giou(pred[..., 0:4], label[..., 0:4]), axis=-1)
    giou_loss = respond_bbox * (1 - giou)
    conf_loss = respond_bbox * tf.nn.sigmoid_cross_entropy_with_logits(labels=respond_bbox, logits=conv[..., 4:5])
    prob_loss = respond_bbox * tf.nn.sigmoid_cross_entropy_with_logits(labels=label[..., 5:], logits=conv[..., 5:])
    giou_loss = tf.reduce_mean(tf.reduce_sum(giou_loss, axis=[1, 2, 3, 4]))
    conf_loss = tf.reduce_mean(tf.reduce_sum(conf_loss, axis=[1, 2, 3, 4]))
    prob_loss = tf.reduce_mean(tf.reduce_sum(prob_loss, axis=[1, 2, 3, 4]))
    return giou_loss, conf_loss, prob_loss
