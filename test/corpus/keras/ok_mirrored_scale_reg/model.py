# Idiom seen in: shenkh/api_docs_offline tensorflow/2.0.0/api_docs/python/tf/nn/scale_regularization_loss.md
# What it reproduces: functional CNN factory with l2 kernel regularizers, created under a MirroredStrategy
#   scope in train.py, whose compute_loss adds tf.nn.scale_regularization_loss(tf.add_n(model.losses)). Clean.
import tensorflow as tf


def create_model(num_classes=10, weight_decay=5e-4):
    reg = tf.keras.regularizers.l2(weight_decay)
    inputs = tf.keras.Input(shape=(32, 32, 3))
    x = tf.keras.layers.Conv2D(32, 3, padding='same', kernel_regularizer=reg)(inputs)
    x = tf.keras.layers.BatchNormalization()(x)
    x = tf.keras.layers.ReLU()(x)
    x = tf.keras.layers.MaxPooling2D()(x)
    x = tf.keras.layers.Conv2D(64, 3, padding='same', kernel_regularizer=reg)(x)
    x = tf.keras.layers.BatchNormalization()(x)
    x = tf.keras.layers.ReLU()(x)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    outputs = tf.keras.layers.Dense(num_classes, kernel_regularizer=reg)(x)
    return tf.keras.Model(inputs, outputs)
