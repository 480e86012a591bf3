# Idiom seen in: google/uncertainty-baselines uncertainty_baselines/models/wide_resnet.py
# Idiom seen in: google/uncertainty-baselines baselines/cifar/deterministic.py
# What it reproduces: wide_resnet(l2=FLAGS.l2) puts l2 regularizers on conv/dense kernels and BN gamma/beta; the
# strategy step adds l2_loss = sum(model.losses) to the NLL inside the tape before tape.gradient (clean).
import functools

import tensorflow as tf

BatchNormalization = functools.partial(tf.keras.layers.BatchNormalization, epsilon=1e-5, momentum=0.9)
Conv2D = functools.partial(tf.keras.layers.Conv2D, kernel_size=3, padding='same', use_bias=False,
                           kernel_initializer='he_normal')


def basic_block(inputs, filters, strides, l2):
    x = inputs
    y = inputs
    y = BatchNormalization(beta_regularizer=tf.keras.regularizers.l2(l2), gamma_regularizer=tf.keras.regularizers.l2(l2))(y)
    y = tf.keras.layers.Activation('relu')(y)
    y = Conv2D(filters, strides=strides, kernel_regularizer=tf.keras.regularizers.l2(l2))(y)
    y = BatchNormalization(beta_regularizer=tf.keras.regularizers.l2(l2), gamma_regularizer=tf.keras.regularizers.l2(l2))(y)
    y = tf.keras.layers.Activation('relu')(y)
    y = Conv2D(filters, strides=1, kernel_regularizer=tf.keras.regularizers.l2(l2))(y)
    if not x.shape.is_compatible_with(y.shape):
        x = Conv2D(filters, kernel_size=1, strides=strides, kernel_regularizer=tf.keras.regularizers.l2(l2))(x)
    return tf.keras.layers.add([x, y])


def group(inputs, filters, strides, num_blocks, l2):
    x = basic_block(inputs, filters=filters, strides=strides, l2=l2)
    for _ in range(num_blocks - 1):
        x = basic_block(x, filters=filters, strides=1, l2=l2)
    return x


def wide_resnet(input_shape, depth, width_multiplier, num_classes, l2):
    num_blocks = (depth - 4) // 6
    inputs = tf.keras.layers.Input(shape=input_shape)
    x = Conv2D(16, strides=1, kernel_regularizer=tf.keras.regularizers.l2(l2))(inputs)
    for strides, filters in zip([1, 2, 2], [16, 32, 64]):
        x = group(x, filters=filters * width_multiplier, strides=strides, num_blocks=num_blocks, l2=l2)
    x = BatchNormalization(beta_regularizer=tf.keras.regularizers.l2(l2), gamma_regularizer=tf.keras.regularizers.l2(l2))(x)
    x = tf.keras.layers.Activation('relu')(x)
    x = tf.keras.layers.AveragePooling2D(pool_size=8)(x)
    x = tf.keras.layers.Flatten()(x)
    x = tf.keras.layers.Dense(num_classes, kernel_initializer='he_normal', kernel_regularizer=tf.keras.regularizers.l2(l2), bias_regularizer=tf.keras.regularizers.l2(l2))(x)
    return tf.keras.Model(inputs=inputs, outputs=x, name='wide_resnet-{}-{}'.format(depth, width_multiplier))
