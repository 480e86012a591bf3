# Idiom seen in: sayakpaul/Sharpness-Aware-Minimization-TensorFlow utils.py
# Idiom seen in: sayakpaul/Sharpness-Aware-Minimization-TensorFlow resnet_cifar10.py
# What it reproduces: get_training_model() builds a CIFAR ResNet; here the user adds
#   kernel_regularizer=l2(weight_decay) to its convs and dense head (the repository has none).
import tensorflow as tf
from tensorflow.keras import layers, regularizers


def residual_block(x, filters, strides, weight_decay):
    shortcut = x
    x = layers.Conv2D(filters, 3, strides=strides, padding="same", use_bias=False,
                      kernel_regularizer=regularizers.l2(weight_decay))(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(filters, 3, padding="same", use_bias=False,
                      kernel_regularizer=regularizers.l2(weight_decay))(x)
    x = layers.BatchNormalization()(x)
    if strides != 1 or shortcut.shape[-1] != filters:
        shortcut = layers.Conv2D(filters, 1, strides=strides, use_bias=False,
                                 kernel_regularizer=regularizers.l2(weight_decay))(shortcut)
    return layers.Activation("relu")(layers.Add()([x, shortcut]))


def get_training_model(n=3, weight_decay=1e-4):
    inputs = layers.Input((32, 32, 3))
    x = layers.experimental.preprocessing.Rescaling(1.0 / 255)(inputs)
    x = layers.Conv2D(16, 3, padding="same", use_bias=False,
                      kernel_regularizer=regularizers.l2(weight_decay))(x)
    x = layers.Activation("relu")(layers.BatchNormalization()(x))
    for filters, strides in [(16, 1), (32, 2), (64, 2)]:
        for i in range(n):
            x = residual_block(x, filters, strides if i == 0 else 1, weight_decay)
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(10, activation="softmax", kernel_regularizer=regularizers.l2(weight_decay))(x)
    return tf.keras.Model(inputs, outputs)
