# Idiom seen in: jzuern/keras-resnet resnet.py
# Idiom seen in: jzuern/keras-resnet cifar10.py
# What it reproduces: ResnetBuilder-style blocks with kernel_regularizer=l2(1e-4) on the convolutions and the
# head; cifar10.py swaps the 'adam' optimizer for Keras AdamW(weight_decay=...) without removing the l2
# regularizers, so the kernels are decayed twice (user's mistake when switching optimizers): WD201.
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.regularizers import l2

L2_FACTOR = 1e-4


def _conv_bn_relu(x, filters, kernel_size, strides=1):
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding='same', kernel_initializer='he_normal',
                      kernel_regularizer=l2(L2_FACTOR))(x)  # expect: WD201
    x = layers.BatchNormalization()(x)
    return layers.Activation('relu')(x)


def _basic_block(x, filters, strides):
    y = _conv_bn_relu(x, filters, 3, strides)
    y = _conv_bn_relu(y, filters, 3)
    if strides != 1 or x.shape[-1] != filters:
        x = _conv_bn_relu(x, filters, 1, strides)
    return layers.add([x, y])


class ResnetBuilder(object):
    @staticmethod
    def build_resnet_18(input_shape, num_outputs):
        inputs = layers.Input(shape=input_shape)
        x = _conv_bn_relu(inputs, 64, 3)
        for stage, filters in enumerate([64, 128, 256, 512]):
            for block in range(2):
                x = _basic_block(x, filters, 2 if (block == 0 and stage > 0) else 1)
        x = layers.GlobalAveragePooling2D()(x)
        outputs = layers.Dense(num_outputs, activation='softmax', kernel_initializer='he_normal',
                               kernel_regularizer=l2(L2_FACTOR))(x)  # expect: WD201
        return tf.keras.Model(inputs, outputs)
