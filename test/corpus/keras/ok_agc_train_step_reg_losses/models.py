# Idiom seen in: sayakpaul/Adaptive-Gradient-Clipping models.py
# What it reproduces: get_mini_vgg() functional model; here the user gives its convs and head
#   kernel_regularizer=l2(weight_decay) (the repository's model has none).
import tensorflow as tf
from tensorflow.keras import layers, regularizers


def get_mini_vgg(use_bn=False, weight_decay=5e-4, num_classes=5):
    inputs = layers.Input((224, 224, 3))
    x = layers.experimental.preprocessing.Rescaling(1.0 / 255)(inputs)
    for filters in [32, 64, 128, 256]:
        x = layers.Conv2D(filters, 3, padding="same", activation=None if use_bn else "relu",
                          kernel_regularizer=regularizers.l2(weight_decay))(x)
        if use_bn:
            x = layers.Activation("relu")(layers.BatchNormalization()(x))
        x = layers.MaxPooling2D()(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dense(256, activation="relu", kernel_regularizer=regularizers.l2(weight_decay))(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return tf.keras.Model(inputs, outputs)
