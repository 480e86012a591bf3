# Idiom seen in: zzh8829/yolov3-tf2 yolov3_tf2/models.py
# What it reproduces: DarknetConv puts kernel_regularizer=l2(0.0005) on every conv; the training
# script (train.py) either sums model.losses into the tape loss or uses compile+fit: decay is wired.
import numpy as np
import tensorflow as tf
from tensorflow.keras import Model
from tensorflow.keras.layers import (Add, BatchNormalization, Concatenate, Conv2D, Input, Lambda,
                                     LeakyReLU, UpSampling2D, ZeroPadding2D)
from tensorflow.keras.losses import binary_crossentropy, sparse_categorical_crossentropy
from tensorflow.keras.regularizers import l2

yolo_anchors = np.array([(10, 13), (16, 30), (33, 23), (30, 61), (62, 45),
                         (59, 119), (116, 90), (156, 198), (373, 326)], np.float32) / 416
yolo_anchor_masks = np.array([[6, 7, 8], [3, 4, 5], [0, 1, 2]])


def DarknetConv(x, filters, size, strides=1, batch_norm=True):
    if strides == 1:
        padding = 'same'
    else:
        x = ZeroPadding2D(((1, 0), (1, 0)))(x)
        padding = 'valid'
    x = Conv2D(filters=filters, kernel_size=size, strides=strides, padding=padding,
               use_bias=not batch_norm, kernel_regularizer=l2(0.0005))(x)
    if batch_norm:
        x = BatchNormalization()(x)
        x = LeakyReLU(alpha=0.1)(x)
    return x


def DarknetBlock(x, filters, blocks):
    x = DarknetConv(x, filters, 3, strides=2)
    for _ in range(blocks):
        prev = x
        x = DarknetConv(x, filters // 2, 1)
        x = Add()([prev, DarknetConv(x, filters, 3)])
    return x


def Darknet(name=None):
    x = inputs = Input([None, None, 3])
    x = DarknetConv(x, 32, 3)
    x = DarknetBlock(x, 64, 1)
    x = x_36 = DarknetBlock(x, 128, 2)
    x = x_61 = DarknetBlock(x, 256, 2)
    x = DarknetBlock(x, 512, 1)
    return tf.keras.Model(inputs, (x_36, x_61, x), name=name)


def YoloOutput(x, filters, anchors, classes):
    x = DarknetConv(x, filters * 2, 3)
    x = DarknetConv(x, anchors * (classes + 5), 1, batch_norm=False)
    return Lambda(lambda t: tf.reshape(t, (-1, tf.shape(t)[1], tf.shape(t)[2], anchors, classes + 5)))(x)


def YoloV3(size=None, channels=3, masks=yolo_anchor_masks, classes=80, training=False):
    x = inputs = Input([size, size, channels], name='input')
    x_36, x_61, x = Darknet(name='yolo_darknet')(x)
    output_0 = YoloOutput(DarknetConv(x, 512, 1), 512, len(masks[0]), classes)
    x = Concatenate()([UpSampling2D(2)(DarknetConv(x, 256, 1)), x_61])
    output_1 = YoloOutput(DarknetConv(x, 256, 1), 256, len(masks[1]), classes)
    x = Concatenate()([UpSampling2D(2)(DarknetConv(x, 128, 1)), x_36])
    output_2 = YoloOutput(DarknetConv(x, 128, 1), 128, len(masks[2]), classes)
    return Model(inputs, (output_0, output_1, output_2), name='yolov3')


def YoloLoss(anchors, classes=80):
    def yolo_loss(y_true, y_pred):
        pred_xy, pred_wh, pred_obj, pred_class = tf.split(y_pred, (2, 2, 1, classes), axis=-1)
        true_box, true_obj, true_class_idx = tf.split(y_true, (4, 1, 1), axis=-1)
        obj_mask = tf.squeeze(true_obj, -1)
        xy_loss = obj_mask * tf.reduce_sum(tf.square(true_box[..., 0:2] - tf.sigmoid(pred_xy)), axis=-1)
        obj_loss = binary_crossentropy(true_obj, pred_obj, from_logits=True)
        class_loss = obj_mask * sparse_categorical_crossentropy(true_class_idx, pred_class, from_logits=True)
        return tf.reduce_sum(xy_loss + obj_loss + class_loss, axis=(1, 2, 3))
    return yolo_loss
