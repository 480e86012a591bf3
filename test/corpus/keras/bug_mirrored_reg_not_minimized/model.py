# Idiom seen in: reneaas/BNN-Estimation-of-NLO-Cross-Sections code/core/train_multi_gpu.py
# What it reproduces: the regression net (tanh layers, lamb=1e-3 L2) built under a distribution
#   strategy; the finding is in train.py.
import tensorflow as tf


def build_model(input_size, layers=(20, 20), lamb=1e-3):
    reg = tf.keras.regularizers.l2(lamb)
    inputs = tf.keras.Input(shape=(input_size,))
    x = inputs
    for units in layers:
        x = tf.keras.layers.Dense(units, activation="tanh", kernel_regularizer=reg)(x)
    outputs = tf.keras.layers.Dense(1, kernel_regularizer=reg)(x)
    return tf.keras.Model(inputs, outputs)
