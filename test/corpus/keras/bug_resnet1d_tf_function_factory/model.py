# Idiom seen in: rosdyana/keras-resnet keras_resnet/models/_1d.py
# Idiom seen in: rosdyana/keras-resnet keras_resnet/blocks/_1d.py
# What it reproduces: a 1-D ResNet builder whose Conv1D/Dense layers carry kernel_regularizer=l2(weight_decay);
# train.py moves training from fit() to a TF2 factory returning a tf.function step whose loss leaves out
# model.losses (user's mistake when porting this repo's model to a custom loop): WD103 on each regularizer.
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.regularizers import l2


def basic_1d(x, filters, stride, weight_decay):
    shortcut = x
    y = layers.Conv1D(filters, 3, strides=stride, padding='same', use_bias=False,
                      kernel_regularizer=l2(weight_decay))(x)  # expect: WD103
    y = layers.BatchNormalization(epsilon=1e-5)(y)
    y = layers.Activation('relu')(y)
    y = layers.Conv1D(filters, 3, padding='same', use_bias=False,
                      kernel_regularizer=l2(weight_decay))(y)  # expect: WD103
    y = layers.BatchNormalization(epsilon=1e-5)(y)
    if stride != 1 or shortcut.shape[-1] != filters:
        shortcut = layers.Conv1D(filters, 1, strides=stride, use_bias=False,
                                 kernel_regularizer=l2(weight_decay))(shortcut)  # expect: WD103
        shortcut = layers.BatchNormalization(epsilon=1e-5)(shortcut)
    return layers.Activation('relu')(layers.add([y, shortcut]))


def ResNet1D18(input_shape, classes, weight_decay=1e-4):
    inputs = layers.Input(shape=input_shape)
    x = layers.Conv1D(64, 7, strides=2, padding='same', use_bias=False,
                      kernel_regularizer=l2(weight_decay))(inputs)  # expect: WD103
    x = layers.BatchNormalization(epsilon=1e-5)(x)
    x = layers.Activation('relu')(x)
    x = layers.MaxPooling1D(3, strides=2, padding='same')(x)
    for stage, filters in enumerate([64, 128, 256, 512]):
        for block in range(2):
            stride = 2 if (block == 0 and stage > 0) else 1
            x = basic_1d(x, filters, stride, weight_decay)
    x = layers.GlobalAveragePooling1D()(x)
    outputs = layers.Dense(classes, kernel_regularizer=l2(weight_decay))(x)  # expect: WD103
    return tf.keras.Model(inputs, outputs, name='resnet1d18')
