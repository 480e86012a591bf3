# Idiom seen in: Briwisdom/resnet_cifar10 cifar10.py
# What it reproduces: the same ResnetBuilder (tf.keras port) with kernel_regularizer=l2(WEIGHT_DECAY) on each
# conv and the classifier; train_tf2.py moves training to a GradientTape loop (injected; the repo used fit)
# and its loss leaves out model.losses, so none of these regularizers act.
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.regularizers import l2

WEIGHT_DECAY = 1e-4


def _bn_relu(x):
    return layers.Activation("relu")(layers.BatchNormalization(axis=3)(x))


def _conv_bn_relu(x, filters, kernel_size, strides=(1, 1)):
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding="same", kernel_initializer="he_normal",
                      kernel_regularizer=l2(WEIGHT_DECAY))(x)  # expect: WD103
    return _bn_relu(x)


def _bn_relu_conv(x, filters, kernel_size, strides=(1, 1)):
    x = _bn_relu(x)
    return layers.Conv2D(filters, kernel_size, strides=strides, padding="same",
                         kernel_initializer="he_normal",
                         kernel_regularizer=l2(WEIGHT_DECAY))(x)  # expect: WD103


def _basic_block(x, filters, strides=(1, 1)):
    shortcut = x
    y = _bn_relu_conv(x, filters, (3, 3), strides)
    y = _bn_relu_conv(y, filters, (3, 3))
    if strides != (1, 1) or shortcut.shape[-1] != filters:
        shortcut = layers.Conv2D(filters, (1, 1), strides=strides,
                                 kernel_regularizer=l2(WEIGHT_DECAY))(shortcut)  # expect: WD103
    return layers.add([shortcut, y])


def build_resnet_18(input_shape, num_outputs):
    inputs = layers.Input(shape=input_shape)
    x = _conv_bn_relu(inputs, 64, (3, 3))
    filters = 64
    for i, reps in enumerate([2, 2, 2, 2]):
        for j in range(reps):
            x = _basic_block(x, filters, (2, 2) if (j == 0 and i > 0) else (1, 1))
        filters *= 2
    x = layers.GlobalAveragePooling2D()(_bn_relu(x))
    outputs = layers.Dense(num_outputs, kernel_initializer="he_normal",
                           kernel_regularizer=l2(WEIGHT_DECAY))(x)  # expect: WD103
    return tf.keras.Model(inputs=inputs, outputs=outputs)
