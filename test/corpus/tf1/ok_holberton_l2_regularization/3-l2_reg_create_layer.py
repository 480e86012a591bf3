#!/usr/bin/env python3
# Idiom seen in: codingdir1/holbertons-machine_learning supervised_learning/0x05-regularization/2-main.py
# What it reproduces: course-style modules loaded with __import__: layers built with a TF1 l2 regularizer, a helper
#   that adds the regularization losses to the cost, and an Adam op minimizing that regularized cost. Clean.
"""Create a Layer with L2 Regularization"""
import tensorflow.compat.v1 as tf


def l2_reg_create_layer(prev, n, activation, lambtha):
    """creates a tensorflow layer that includes L2 regularization"""
    reg = tf.contrib.layers.l2_regularizer(lambtha)
    init = tf.contrib.layers.variance_scaling_initializer(mode="FAN_AVG")
    layer = tf.layers.Dense(units=n, activation=activation,
                            kernel_initializer=init, kernel_regularizer=reg)
    return layer(prev)
