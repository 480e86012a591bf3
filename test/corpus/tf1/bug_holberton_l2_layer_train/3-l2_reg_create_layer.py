# Idiom seen in: macoyulloa/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-l2_reg_create_layer.py
# What it reproduces: the course helper l2_reg_create_layer (tf.layers.Dense with kernel_regularizer=l2_regularizer(lambtha));
#   a realistic mistake: the training script builds the net from it but minimizes the plain softmax cross entropy and never
#   calls l2_reg_cost, so REGULARIZATION_LOSSES never reach the loss (WD102 on the keyword).
"""Create a Layer with L2 Regularization"""
import tensorflow as tf


def l2_reg_create_layer(prev, n, activation, lambtha):
    """creates a tensorflow layer that includes L2 regularization
        prev: tensor with the output of the previous layer
        n: number of nodes the new layer should contain
        activation: activation function of the layer
        lambtha: L2 regularization parameter
    """
    l2_reg = tf.contrib.layers.l2_regularizer(lambtha)
    k_init = tf.contrib.layers.variance_scaling_initializer(mode="FAN_AVG")
    layer = tf.layers.Dense(units=n, activation=activation,
                            kernel_initializer=k_init,
                            kernel_regularizer=l2_reg)  # expect: WD102
    return layer(prev)
