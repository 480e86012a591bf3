#!/usr/bin/env python3
# Idiom seen in: cryptolake/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-l2_reg_create_layer.py
# What it reproduces: a tf.compat.v1 Dense layer with kernel_regularizer=L2(lambtha), which puts
#   its penalty in the REGULARIZATION_LOSSES collection.
# label-note: WD102 here: the collection is never read anywhere (2-l2_reg_cost.py regularizes
#   the cost tensor instead), so the kernel decay never reaches the minimized loss.
"""Create a Layer with L2 Regularization"""
import tensorflow.compat.v1 as tf


def l2_reg_create_layer(prev, n, activation, lambtha):
    """creates a tensorflow layer that includes L2 regularization"""
    initializer = tf.keras.initializers.VarianceScaling(scale=2.0, mode="fan_avg")
    regularizer = tf.keras.regularizers.L2(lambtha)
    layer = tf.layers.Dense(units=n, activation=activation,
                            kernel_initializer=initializer,
                            kernel_regularizer=regularizer)  # expect: WD102
    return layer(prev)
