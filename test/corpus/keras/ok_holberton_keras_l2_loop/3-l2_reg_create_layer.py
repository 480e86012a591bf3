# Idiom seen in: Giang-Davy/holbertonschool-machine_learning supervised_learning/regularization/3-l2_reg_create_layer.py
# What it reproduces: a Dense layer with VarianceScaling init and kernel_regularizer=L2(lambtha),
#   applied to the previous tensor of a functional model.
"""L2 Regularization layer"""
import tensorflow as tf


def l2_reg_create_layer(prev, n, activation, lambtha):
    """creates a neural network layer that includes L2 regularization"""
    init_weights = tf.keras.initializers.VarianceScaling(scale=2.0, mode="fan_avg")
    layer = tf.keras.layers.Dense(units=n, activation=activation, kernel_initializer=init_weights,
                                  kernel_regularizer=tf.keras.regularizers.L2(lambtha))
    return layer(prev)
