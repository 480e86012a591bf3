# Idiom seen in: paurbano/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-l2_reg_create_layer.py
# What it reproduces: the course pair l2_reg_cost (cost + tf.losses.get_regularization_losses()) and l2_reg_create_layer
#   (kernel_regularizer=l2_regularizer); the training script minimizes l2_reg_cost(cost), so the layer decay is trained: clean.
"""Create a Layer with L2 Regularization"""
import tensorflow as tf


def l2_reg_create_layer(prev, n, activation, lambtha):
    """creates a tensorflow layer that includes L2 regularization"""
    reg = tf.contrib.layers.l2_regularizer(lambtha)
    init = tf.contrib.layers.variance_scaling_initializer(mode="FAN_AVG")
    layer = tf.layers.Dense(units=n, activation=activation,
                            kernel_initializer=init,
                            kernel_regularizer=reg)
    return layer(prev)
