# Idiom seen in: svelezg/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-l2_reg_create_layer.py
# What it reproduces: a tf.layers.Dense with kernel_regularizer=l2_regularizer(lambtha); its term lands
#   in REGULARIZATION_LOSSES and is only read by 2-l2_reg_cost (whose sum is not minimized).
"""Contains the l2_reg_create_layer function"""

import tensorflow as tf


def l2_reg_create_layer(prev, n, activation, lambtha):
    """
    creates a tensorflow layer that includes L2 regularization
    :param prev: tensor containing the output of the previous layer
    :param n: number of nodes the new layer should contain
    :param activation: activation function that should be used on the layer
    :param lambtha: L2 regularization parameter
    :return: output of the new layer
    """
    init = tf.contrib.layers.variance_scaling_initializer(mode="FAN_AVG")
    reg = tf.contrib.layers.l2_regularizer(lambtha)
    layer = tf.layers.Dense(units=n, activation=activation,
                            kernel_initializer=init, kernel_regularizer=reg, name='layer')
    return layer(prev)
