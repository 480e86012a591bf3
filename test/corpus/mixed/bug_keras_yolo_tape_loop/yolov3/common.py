# Idiom seen in: pythonlessons/TensorFlow-2.x-YOLOv3 yolov3/yolov4.py (convolutional / residual_block)
# What it reproduces: the shared conv helper of a functional Keras detector puts kernel_regularizer=l2(0.0005) on every Conv2D; the regularization only exists as model.losses. Bug: train.py's GradientTape loop never adds model.losses (WD103).
import tensorflow as tf
from tensorflow.keras.layers import Conv2D, ZeroPadding2D, LeakyReLU, BatchNormalization
from tensorflow.keras.regularizers import l2


def convolutional(input_layer, filters_shape, downsample=False, activate=True, bn=True):
    if downsample:
        input_layer = ZeroPadding2D(((1, 0), (1, 0)))(input_layer)
        padding = 'valid'
        strides = 2
    else:
        strides = 1
        padding = 'same'

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
    short_cut = input_layer
    conv = convolutional(input_layer, filters_shape=(1, 1, input_channel, filter_num1))
    conv = convolutional(conv, filters_shape=(3, 3, filter_num1, filter_num2))
    return short_cut + conv
