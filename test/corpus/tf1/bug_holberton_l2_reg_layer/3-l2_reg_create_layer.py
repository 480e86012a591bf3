#!/usr/bin/env python3
# Idiom seen in: Kenneth-ca/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-l2_reg_create_layer.py
# Idiom seen in: Kenneth-ca/holbertonschool-machine_learning supervised_learning/0x05-regularization/2-l2_reg_cost.py
# Idiom seen in: Kenneth-ca/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-main.py
# What it reproduces: the layer builder sets kernel_regularizer=l2_regularizer(lambtha), but the training script
# minimizes the bare softmax cross-entropy; the l2_reg_cost helper that would add the losses is never called.
"""
Creates a tensorflow layer with L2 regularization
"""
import tensorflow as tf


def l2_reg_create_layer(prev, n, activation, lambtha):
    """
    creates a tensorflow layer that includes L2 regularization
    :param prev: tensor containing the output of the previous layer
    :param n: number of nodes the new layer should contain
    :param activation: activation function that should be used on the layer
    :param lambtha: the L2 regularization parameter
    :return: the output of the new layer
    """
    init = tf.contrib.layers.variance_scaling_initializer(mode="FAN_AVG")
    reg = tf.contrib.layers.l2_regularizer(lambtha)
    layer = tf.layers.Dense(n, activation=activation, kernel_initializer=init, kernel_regularizer=reg, name="layer")  # expect: WD102
    return layer(prev)
