# Idiom seen in: tensorflow/docs site/en/tutorials/distribute/custom_training.ipynb
# What it reproduces: the tutorial's small CNN, given l2 kernel regularizers through a conv helper,
#   later trained by a MirroredStrategy custom loop (train.py) that never adds model.losses.
# label-note: WD103 on the regularizer argument of the (helper-built) layers; train.py's loss leaves model.losses out.
import tensorflow as tf


def conv_block(x, filters, weight_decay):
    x = tf.keras.layers.Conv2D(filters, 3, padding='same', use_bias=False,
                               kernel_regularizer=tf.keras.regularizers.l2(weight_decay))(x)  # expect: WD103
    x = tf.keras.layers.BatchNormalization()(x)
    return tf.keras.layers.ReLU()(x)


def create_model(num_classes=10, weight_decay=5e-4):
    inputs = tf.keras.Input(shape=(28, 28, 1))
    x = conv_block(inputs, 32, weight_decay)
    x = tf.keras.layers.MaxPooling2D()(x)
    x = conv_block(x, 64, weight_decay)
    x = tf.keras.layers.MaxPooling2D()(x)
    x = tf.keras.layers.Flatten()(x)
    x = tf.keras.layers.Dense(64, activation='relu')(x)
    outputs = tf.keras.layers.Dense(num_classes)(x)
    return tf.keras.Model(inputs, outputs)
