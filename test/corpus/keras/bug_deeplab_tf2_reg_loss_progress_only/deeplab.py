# Idiom seen in: bubbliiiing/deeplabv3-plus-tf2 utils/utils_fit.py
# Idiom seen in: bubbliiiing/deeplabv3-plus-tf2 nets/deeplab.py
# Idiom seen in: bubbliiiing/deeplabv3-plus-tf2 train.py
# What it reproduces: the DeepLab convs carry l2 kernel regularizers; train_step sums net.losses after the tape
# only to show "reg loss" in the tqdm bar, while tape.gradient differentiates the segmentation loss alone.
import tensorflow as tf
from tensorflow.keras import backend as K
from tensorflow.keras.layers import (Activation, BatchNormalization, Concatenate, Conv2D, DepthwiseConv2D,
                                     GlobalAveragePooling2D, Input, Lambda, Reshape, Softmax)
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import l2

from mobilenetv2 import mobilenetV2


def SepConv_BN(x, filters, prefix, stride=1, kernel_size=3, rate=1, weight_decay=1e-4):
    x = DepthwiseConv2D((kernel_size, kernel_size), strides=(stride, stride), dilation_rate=(rate, rate),
                        padding='same', use_bias=False, name=prefix + '_depthwise')(x)
    x = BatchNormalization(name=prefix + '_depthwise_BN', epsilon=1e-5)(x)
    x = Activation(tf.nn.relu)(x)
    x = Conv2D(filters, (1, 1), padding='same', use_bias=False, kernel_regularizer=l2(weight_decay), name=prefix + '_pointwise')(x)
    x = BatchNormalization(name=prefix + '_pointwise_BN', epsilon=1e-5)(x)
    return Activation(tf.nn.relu)(x)


def Deeplabv3(input_shape, num_classes, alpha=1., downsample_factor=16, weight_decay=1e-4):
    img_input = Input(shape=input_shape)
    x, atrous_rates, skip1 = mobilenetV2(img_input, alpha, downsample_factor=downsample_factor)
    size_before = tf.keras.backend.int_shape(x)

    b4 = GlobalAveragePooling2D()(x)
    b4 = Reshape((1, 1, -1))(b4)
    b4 = Conv2D(256, (1, 1), padding='same', use_bias=False, kernel_regularizer=l2(weight_decay), name='image_pooling')(b4)
    b4 = BatchNormalization(name='image_pooling_BN', epsilon=1e-5)(b4)
    b4 = Activation(tf.nn.relu)(b4)
    b4 = Lambda(lambda x: tf.image.resize(x, size_before[1:3]))(b4)

    b0 = Conv2D(256, (1, 1), padding='same', use_bias=False, kernel_regularizer=l2(weight_decay), name='aspp0')(x)
    b0 = BatchNormalization(name='aspp0_BN', epsilon=1e-5)(b0)
    b0 = Activation(tf.nn.relu, name='aspp0_activation')(b0)
    b1 = SepConv_BN(x, 256, 'aspp1', rate=atrous_rates[0], weight_decay=weight_decay)
    b2 = SepConv_BN(x, 256, 'aspp2', rate=atrous_rates[1], weight_decay=weight_decay)

    x = Concatenate()([b4, b0, b1, b2])
    x = Conv2D(256, (1, 1), padding='same', use_bias=False, kernel_regularizer=l2(weight_decay), name='concat_projection')(x)
    x = BatchNormalization(name='concat_projection_BN', epsilon=1e-5)(x)
    x = Activation(tf.nn.relu)(x)

    x = Conv2D(num_classes, (1, 1), padding='same', kernel_regularizer=l2(weight_decay), name='logits')(x)
    x = Lambda(lambda xx: tf.image.resize(xx, input_shape[0:2]))(x)
    x = Softmax()(x)
    return Model(img_input, x, name='deeplabv3plus')
