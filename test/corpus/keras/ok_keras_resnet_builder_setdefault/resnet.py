# Idiom seen in: raghakot/keras-resnet resnet.py
# What it reproduces: conv helpers take **conv_params and fill the regularizer with
#   conv_params.setdefault("kernel_regularizer", l2(1.e-4)); ResnetBuilder.build returns the functional model.
from keras import backend as K
from keras.layers import (Activation, AveragePooling2D, BatchNormalization, Conv2D, Dense,
                          Flatten, Input, MaxPooling2D, add)
from keras.models import Model
from keras.regularizers import l2

ROW_AXIS, COL_AXIS, CHANNEL_AXIS = 1, 2, 3


def _bn_relu(input):
    norm = BatchNormalization(axis=CHANNEL_AXIS)(input)
    return Activation("relu")(norm)


def _conv_bn_relu(**conv_params):
    filters = conv_params["filters"]
    kernel_size = conv_params["kernel_size"]
    strides = conv_params.setdefault("strides", (1, 1))
    kernel_initializer = conv_params.setdefault("kernel_initializer", "he_normal")
    padding = conv_params.setdefault("padding", "same")
    kernel_regularizer = conv_params.setdefault("kernel_regularizer", l2(1.e-4))

    def f(input):
        conv = Conv2D(filters=filters, kernel_size=kernel_size, strides=strides, padding=padding,
                      kernel_initializer=kernel_initializer, kernel_regularizer=kernel_regularizer)(input)
        return _bn_relu(conv)
    return f


def _bn_relu_conv(**conv_params):
    filters = conv_params["filters"]
    kernel_size = conv_params["kernel_size"]
    strides = conv_params.setdefault("strides", (1, 1))
    kernel_initializer = conv_params.setdefault("kernel_initializer", "he_normal")
    padding = conv_params.setdefault("padding", "same")
    kernel_regularizer = conv_params.setdefault("kernel_regularizer", l2(1.e-4))

    def f(input):
        activation = _bn_relu(input)
        return Conv2D(filters=filters, kernel_size=kernel_size, strides=strides, padding=padding,
                      kernel_initializer=kernel_initializer, kernel_regularizer=kernel_regularizer)(activation)
    return f


def _shortcut(input, residual):
    input_shape = K.int_shape(input)
    residual_shape = K.int_shape(residual)
    stride_width = int(round(input_shape[ROW_AXIS] / residual_shape[ROW_AXIS]))
    stride_height = int(round(input_shape[COL_AXIS] / residual_shape[COL_AXIS]))
    shortcut = input
    if stride_width > 1 or stride_height > 1 or input_shape[CHANNEL_AXIS] != residual_shape[CHANNEL_AXIS]:
        shortcut = Conv2D(filters=residual_shape[CHANNEL_AXIS], kernel_size=(1, 1),
                          strides=(stride_width, stride_height), padding="valid",
                          kernel_initializer="he_normal", kernel_regularizer=l2(0.0001))(input)
    return add([shortcut, residual])


def basic_block(filters, init_strides=(1, 1), is_first_block_of_first_layer=False):
    def f(input):
        conv1 = _bn_relu_conv(filters=filters, kernel_size=(3, 3), strides=init_strides)(input)
        residual = _bn_relu_conv(filters=filters, kernel_size=(3, 3))(conv1)
        return _shortcut(input, residual)
    return f


class ResnetBuilder(object):
    @staticmethod
    def build(input_shape, num_outputs, repetitions):
        input = Input(shape=(input_shape[1], input_shape[2], input_shape[0]))
        conv1 = _conv_bn_relu(filters=64, kernel_size=(7, 7), strides=(2, 2))(input)
        block = MaxPooling2D(pool_size=(3, 3), strides=(2, 2), padding="same")(conv1)
        filters = 64
        for i, r in enumerate(repetitions):
            for j in range(r):
                init_strides = (2, 2) if (j == 0 and i != 0) else (1, 1)
                block = basic_block(filters, init_strides=init_strides)(block)
            filters *= 2
        block = _bn_relu(block)
        block_shape = K.int_shape(block)
        pool2 = AveragePooling2D(pool_size=(block_shape[ROW_AXIS], block_shape[COL_AXIS]), strides=(1, 1))(block)
        dense = Dense(units=num_outputs, kernel_initializer="he_normal", activation="softmax")(Flatten()(pool2))
        return Model(inputs=input, outputs=dense)

    @staticmethod
    def build_resnet_18(input_shape, num_outputs):
        return ResnetBuilder.build(input_shape, num_outputs, [2, 2, 2, 2])
