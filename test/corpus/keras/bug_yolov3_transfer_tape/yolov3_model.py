# Idiom seen in: pythonlessons/TensorFlow-2.x-YOLOv3 yolov3/yolov3.py (convolutional() helper with kernel_regularizer=l2(0.0005), Create_Yolov3(input_size, training, CLASSES))
# What it reproduces: a functional YOLOv3-style model whose every conv carries an L2 kernel regularizer; it is trained
#   by the custom GradientTape loop in train.py, whose loss is giou + conf + prob only (bug, issue #165 of that repo).
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import BatchNormalization, Conv2D, Input, LeakyReLU, ZeroPadding2D
from tensorflow.keras.regularizers import l2

from yolov3.configs import YOLO_STRIDES, YOLO_ANCHORS, TRAIN_CLASSES
from yolov3.utils import read_class_names


def convolutional(input_layer, filters_shape, downsample=False, activate=True, bn=True):
    if downsample:
        input_layer = ZeroPadding2D(((1, 0), (1, 0)))(input_layer)
        padding, strides = 'valid', 2
    else:
        padding, strides = 'same', 1
    conv = Conv2D(filters=filters_shape[-1], kernel_size=filters_shape[0], strides=strides,
                  padding=padding, use_bias=not bn,
                  kernel_regularizer=l2(0.0005),  # expect: WD103
                  kernel_initializer=tf.random_normal_initializer(stddev=0.01),
                  bias_initializer=tf.constant_initializer(0.))(input_layer)
    if bn:
        conv = BatchNormalization()(conv)
    if activate:
        conv = LeakyReLU(alpha=0.1)(conv)
    return conv


def residual_block(input_layer, input_channel, filter_num1, filter_num2):
    conv = convolutional(input_layer, filters_shape=(1, 1, input_channel, filter_num1))
    conv = convolutional(conv, filters_shape=(3, 3, filter_num1, filter_num2))
    return input_layer + conv


def darknet_lite(input_data):
    input_data = convolutional(input_data, (3, 3, 3, 32))
    input_data = convolutional(input_data, (3, 3, 32, 64), downsample=True)
    input_data = residual_block(input_data, 64, 32, 64)
    input_data = convolutional(input_data, (3, 3, 64, 128), downsample=True)
    route_1 = residual_block(input_data, 128, 64, 128)
    input_data = convolutional(route_1, (3, 3, 128, 256), downsample=True)
    route_2 = residual_block(input_data, 256, 128, 256)
    return route_1, route_2


def YOLOv3(input_layer, NUM_CLASS):
    route_1, route_2 = darknet_lite(input_layer)
    conv = convolutional(route_2, (1, 1, 256, 128))
    conv_lobj_branch = convolutional(conv, (3, 3, 128, 256))
    conv_lbbox = convolutional(conv_lobj_branch, (1, 1, 256, 3 * (NUM_CLASS + 5)), activate=False, bn=False)
    conv = tf.image.resize(convolutional(conv, (1, 1, 128, 64)), (tf.shape(route_1)[1], tf.shape(route_1)[2]))
    conv = tf.concat([conv, route_1], axis=-1)
    conv_sobj_branch = convolutional(conv, (3, 3, 192, 128))
    conv_sbbox = convolutional(conv_sobj_branch, (1, 1, 128, 3 * (NUM_CLASS + 5)), activate=False, bn=False)
    return [conv_sbbox, conv_lbbox]


def decode(conv_output, NUM_CLASS, i=0):
    conv_shape = tf.shape(conv_output)
    conv_output = tf.reshape(conv_output, (conv_shape[0], conv_shape[1], conv_shape[2], 3, 5 + NUM_CLASS))
    xy = tf.sigmoid(conv_output[..., 0:2]) * YOLO_STRIDES[i]
    wh = tf.exp(conv_output[..., 2:4]) * np.array(YOLO_ANCHORS[i], dtype=np.float32) * YOLO_STRIDES[i]
    return tf.concat([xy, wh, tf.sigmoid(conv_output[..., 4:])], axis=-1)


def Create_Yolov3(input_size=416, channels=3, training=False, CLASSES=TRAIN_CLASSES):
    NUM_CLASS = len(read_class_names(CLASSES))
    input_layer = Input([input_size, input_size, channels])
    conv_tensors = YOLOv3(input_layer, NUM_CLASS)
    output_tensors = []
    for i, conv_tensor in enumerate(conv_tensors):
        pred_tensor = decode(conv_tensor, NUM_CLASS, i)
        if training:
            output_tensors.append(conv_tensor)
        output_tensors.append(pred_tensor)
    return tf.keras.Model(input_layer, output_tensors)
