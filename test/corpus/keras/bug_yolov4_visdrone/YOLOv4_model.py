# Idiom seen in: hxnghia99/Yolov4_Learning YOLOv4-for-studying/YOLOv4_model.py
# Idiom seen in: hxnghia99/Yolov4_Learning YOLOv4-for-studying/YOLOv4_train.py
# What it reproduces: a student YOLOv4 (VisDrone) whose convolutional()/deconvolutional() helpers give every
#   Conv2D / Conv2DTranspose kernel_regularizer=L2(...), trained in a custom tf.function train_step whose
#   total_loss = giou_loss + conf_loss + prob_loss never adds yolo.losses (as in the repo).
import tensorflow as tf
from tensorflow.keras.layers import Conv2D, LeakyReLU, BatchNormalization, ZeroPadding2D, Input, UpSampling2D, Conv2DTranspose
from tensorflow.keras.regularizers import L2

from YOLOv4_config import *

k = CHANNEL_TIMES_K
mish = lambda x: x * tf.math.tanh(tf.math.softplus(x))


def convolutional(input_layer, filters_shape, downsample=False, activate=True, bn=True, activate_type='leaky'):
    if downsample:
        input_layer = ZeroPadding2D(((1, 0), (1, 0)))(input_layer)
        padding, strides = 'valid', 2
    else:
        padding, strides = 'same', 1
    conv_layer = Conv2D(filters=filters_shape[-1],
                        kernel_size=[filters_shape[0], filters_shape[1]],
                        strides=strides,
                        padding=padding,
                        use_bias=not bn,
                        kernel_regularizer=L2(0.0001),  # expect: WD103
                        kernel_initializer=tf.random_normal_initializer(stddev=0.01),
                        bias_initializer=tf.constant_initializer(0.))(input_layer)
    if bn:
        conv_layer = BatchNormalization()(conv_layer)
    if activate:
        conv_layer = LeakyReLU(alpha=0.1)(conv_layer) if activate_type == 'leaky' else mish(conv_layer)
    return conv_layer


def deconvolutional(input_layer, filters_shape, upsample=False, bn=True):
    conv_layer = Conv2DTranspose(filters=filters_shape[-1],
                                 kernel_size=filters_shape[0],
                                 strides=2 if upsample else 1,
                                 padding='same',
                                 use_bias=not bn,
                                 kernel_regularizer=L2(0.0005),  # expect: WD103
                                 kernel_initializer=tf.random_normal_initializer(stddev=0.01))(input_layer)
    if bn:
        conv_layer = BatchNormalization()(conv_layer)
    return LeakyReLU(alpha=0.1)(conv_layer)


def residual_block(input_layer, input_channel, filter_num1, filter_num2, activate_type='leaky'):
    short_cut = input_layer
    conv_layer = convolutional(input_layer, (1, 1, input_channel, filter_num1), activate_type=activate_type)
    conv_layer = convolutional(conv_layer, (3, 3, filter_num1, filter_num2), activate_type=activate_type)
    return short_cut + conv_layer


def CSPDarknet53_tiny(input_data):
    x = convolutional(input_data, (3, 3, 3, 32 * k), activate_type='mish')
    x = convolutional(x, (3, 3, 32 * k, 64 * k), downsample=True, activate_type='mish')
    x = residual_block(x, 64 * k, 32 * k, 64 * k, activate_type='mish')
    route_1 = convolutional(x, (3, 3, 64 * k, 128 * k), downsample=True, activate_type='mish')
    x = residual_block(route_1, 128 * k, 64 * k, 128 * k, activate_type='mish')
    route_2 = convolutional(x, (3, 3, 128 * k, 256 * k), downsample=True, activate_type='mish')
    x = convolutional(route_2, (3, 3, 256 * k, 512 * k), downsample=True)
    return route_1, route_2, x


def YOLOv4_head(route_1, route_2, x, num_class):
    conv_lbbox = convolutional(x, (1, 1, 512 * k, 3 * (num_class + 5)), activate=False, bn=False)
    up = deconvolutional(x, (3, 3, 512 * k, 256 * k), upsample=True)
    x = tf.concat([up, route_2], axis=-1)
    conv_mbbox = convolutional(x, (1, 1, 512 * k, 3 * (num_class + 5)), activate=False, bn=False)
    up = deconvolutional(x, (3, 3, 512 * k, 128 * k), upsample=True)
    x = tf.concat([up, route_1], axis=-1)
    conv_sbbox = convolutional(x, (1, 1, 256 * k, 3 * (num_class + 5)), activate=False, bn=False)
    return [conv_sbbox, conv_mbbox, conv_lbbox]


def YOLOv4_detector(input_size=YOLO_INPUT_SIZE, num_class=10):
    input_layer = Input([input_size, input_size, 3])
    route_1, route_2, x = CSPDarknet53_tiny(input_layer)
    conv_tensors = YOLOv4_head(route_1, route_2, x, num_class)
    output_tensors = []
    for i, conv_tensor in enumerate(conv_tensors):
        output_tensors.append(conv_tensor)
        output_tensors.append(tf.identity(conv_tensor, name="pred_%d" % i))
    return tf.keras.Model(input_layer, output_tensors)
