# Idiom seen in: hunglc007/tensorflow-yolov4-tflite core/yolov4.py (YOLOv3_tiny-style feature maps built from common.convolutional, decode_train, compute_loss)
# What it reproduces: the network and loss module; every conv comes from common.convolutional (regularized). compute_loss returns only the box/objectness/class terms.
import numpy as np
import tensorflow as tf

import common

STRIDES = np.array([16, 32])
ANCHORS = np.array([[[10, 14], [23, 27], [37, 58]],
                    [[81, 82], [135, 169], [344, 319]]], dtype=np.float32)
NUM_CLASS = 20


def tiny_backbone(x):
    x = common.convolutional(x, (3, 3, 3, 16))
    x = tf.keras.layers.MaxPool2D(2, 2, 'same')(x)
    x = common.convolutional(x, (3, 3, 16, 32), downsample=True)
    x = common.convolutional(x, (3, 3, 32, 64), downsample=True)
    x = common.residual_block(x, 64, 32, 64)
    route = common.convolutional(x, (3, 3, 64, 256), downsample=True)
    x = common.convolutional(route, (3, 3, 256, 512), downsample=True)
    return route, x


def YOLOv3_tiny(input_layer):
    route, conv = tiny_backbone(input_layer)
    conv = common.convolutional(conv, (1, 1, 512, 256))

    conv_lobj = common.convolutional(conv, (3, 3, 256, 512))
    conv_lbbox = common.convolutional(conv_lobj, (1, 1, 512, 3 * (NUM_CLASS + 5)),
                                      activate=False, bn=False)

    conv = common.convolutional(conv, (1, 1, 256, 128))
    conv = common.upsample(conv)
    conv = tf.concat([conv, route], axis=-1)
    conv_mobj = common.convolutional(conv, (3, 3, 128, 256))
    conv_mbbox = common.convolutional(conv_mobj, (1, 1, 256, 3 * (NUM_CLASS + 5)),
                                      activate=False, bn=False)
    return [conv_mbbox, conv_lbbox]


def decode_train(conv_output, i):
    shape = tf.shape(conv_output)
    conv_output = tf.reshape(conv_output, (shape[0], shape[1], shape[2], 3, 5 + NUM_CLASS))
    raw_dxdy, raw_dwdh, raw_conf, raw_prob = tf.split(conv_output, (2, 2, 1, NUM_CLASS), axis=-1)
    xy_grid = tf.meshgrid(tf.range(shape[1]), tf.range(shape[2]))
    xy_grid = tf.cast(tf.expand_dims(tf.stack(xy_grid, axis=-1), axis=2), tf.float32)
    pred_xy = (tf.sigmoid(raw_dxdy) + xy_grid) * STRIDES[i]
    pred_wh = tf.exp(raw_dwdh) * ANCHORS[i]
    return tf.concat([pred_xy, pred_wh, tf.sigmoid(raw_conf), tf.sigmoid(raw_prob)], axis=-1)


def compute_loss(pred, conv, label, bboxes, i):
    shape = tf.shape(conv)
    conv = tf.reshape(conv, (shape[0], shape[1], shape[2], 3, 5 + NUM_CLASS))
    respond_bbox = label[..., 4:5]
    box_loss = respond_bbox * tf.reduce_sum(tf.square(pred[..., 0:4] - label[..., 0:4]),
                                            axis=-1, keepdims=True) / (STRIDES[i] ** 2)
    conf_loss = tf.nn.sigmoid_cross_entropy_with_logits(labels=respond_bbox,
                                                        logits=conv[..., 4:5])
    prob_loss = respond_bbox * tf.nn.sigmoid_cross_entropy_with_logits(
        labels=label[..., 5:], logits=conv[..., 5:])
    box_loss = tf.reduce_mean(tf.reduce_sum(box_loss, axis=[1, 2, 3, 4]))
    conf_loss = tf.reduce_mean(tf.reduce_sum(conf_loss, axis=[1, 2, 3, 4]))
    prob_loss = tf.reduce_mean(tf.reduce_sum(prob_loss, axis=[1, 2, 3, 4]))
    return box_loss, conf_loss, prob_loss
