# Idiom seen in: JohnCook17/holbertonschool-machine_learning supervised_learning/0x05-regularization/2-l2_reg_cost.py
# Idiom seen in: JohnCook17/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-l2_reg_create_layer.py
# What it reproduces: TF1 course modules loaded with __import__: tf.layers.Dense built with
#   kernel_regularizer=l2_regularizer(lambtha), l2_reg_cost(cost) = add_n([cost] +
#   tf.losses.get_regularization_losses()), and a script minimizing that l2 cost with SGD: clean.
"""Creates a tensorflow layer that includes L2 regularization"""
import tensorflow as tf


def l2_reg_create_layer(prev, n, activation, lambtha):
    """Returns the output of the new layer"""
    init = tf.contrib.layers.variance_scaling_initializer(mode="FAN_AVG")
    reg = tf.contrib.layers.l2_regularizer(scale=lambtha)
    new_layer = tf.layers.Dense(units=n, activation=activation,
                                kernel_initializer=init,
                                kernel_regularizer=reg)
    return new_layer(prev)
