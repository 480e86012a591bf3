# Idiom seen in: izikgo/AnomalyDetectionTransformations models/wide_residual_network.py
# Idiom seen in: izikgo/AnomalyDetectionTransformations experiments.py
# What it reproduces: the GEOM anomaly detector as the repo trains it: a standalone-Keras WRN with l2(WEIGHT_DECAY)
#   on conv/dense kernels, dense bias and BN beta/gamma, compiled with Adam and trained by fit(), which adds the
#   regularization losses itself. Clean.
import numpy as np
from keras import backend as K
from keras.layers import Activation, AveragePooling2D, BatchNormalization, Convolution2D, Dense, Dropout, Flatten, Input, add
from keras.models import Model
from keras.regularizers import l2

WEIGHT_DECAY = 0.5 * 0.0005


def _get_channels_axis():
    return -1 if K.image_data_format() == 'channels_last' else 1


def batch_norm():
    return BatchNormalization(axis=_get_channels_axis(), momentum=0.9, epsilon=1e-5,
                              beta_regularizer=l2(WEIGHT_DECAY), gamma_regularizer=l2(WEIGHT_DECAY))


def conv2d(output_channels, kernel_size, strides=1):
    return Convolution2D(output_channels, kernel_size, strides=strides, padding='same', use_bias=False,
                         kernel_initializer='he_normal', kernel_regularizer=l2(WEIGHT_DECAY))


def dense(output_units):
    return Dense(output_units, kernel_regularizer=l2(WEIGHT_DECAY), bias_regularizer=l2(WEIGHT_DECAY))


def _add_basic_block(x_in, out_channels, strides, dropout_rate=0.0):
    is_channels_equal = K.int_shape(x_in)[_get_channels_axis()] == out_channels
    bn1 = Activation('relu')(batch_norm()(x_in))
    out = conv2d(out_channels, 3, strides)(bn1)
    out = Activation('relu')(batch_norm()(out))
    out = Dropout(dropout_rate)(out)
    out = conv2d(out_channels, 3, 1)(out)
    shortcut = x_in if is_channels_equal else conv2d(out_channels, 1, strides)(bn1)
    return add([out, shortcut])


def _add_conv_group(x_in, out_channels, n, strides, dropout_rate=0.0):
    out = _add_basic_block(x_in, out_channels, strides, dropout_rate)
    for _ in range(1, n):
        out = _add_basic_block(out, out_channels, 1, dropout_rate)
    return out


def create_wide_residual_network(input_shape, num_classes, depth, widen_factor=1, dropout_rate=0.0,
                                 final_activation='softmax'):
    n_channels = [16, 16 * widen_factor, 32 * widen_factor, 64 * widen_factor]
    assert (depth - 4) % 6 == 0, 'depth should be 6n+4'
    n = (depth - 4) // 6
    inp = Input(shape=input_shape)
    conv1 = conv2d(n_channels[0], 3)(inp)
    conv2 = _add_conv_group(conv1, n_channels[1], n, 1, dropout_rate)
    conv3 = _add_conv_group(conv2, n_channels[2], n, 2, dropout_rate)
    conv4 = _add_conv_group(conv3, n_channels[3], n, 2, dropout_rate)
    out = Activation('relu')(batch_norm()(conv4))
    out = Flatten()(AveragePooling2D(8)(out))
    out = Activation(final_activation)(dense(num_classes)(out))
    return Model(inp, out)
