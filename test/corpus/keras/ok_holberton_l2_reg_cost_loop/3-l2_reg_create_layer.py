# Idiom seen in: AlecoPB/holbertonschool-machine_learning supervised_learning/regularization/2-l2_reg_cost.py
# Idiom seen in: AlecoPB/holbertonschool-machine_learning supervised_learning/regularization/3-l2_reg_create_layer.py
# What it reproduces: the course modules loaded with __import__: a Dense builder taking lambtha for
#   kernel_regularizer=L2(lambtha), and l2_reg_cost(cost, model) that adds every layer kernel_regularizer
#   applied to its kernel; the GradientTape step differentiates that total: clean.
"""Creates a Dense layer with L2 regularization"""
import tensorflow as tf


def l2_reg_create_layer(prev, n, activation, lambtha):
    """Returns the output of a new Dense layer with L2 regularization"""
    init = tf.keras.initializers.VarianceScaling(scale=2.0, mode="fan_avg")
    layer = tf.keras.layers.Dense(units=n,
                                  activation=activation,
                                  kernel_initializer=init,
                                  kernel_regularizer=tf.keras.regularizers.L2(lambtha))
    return layer(prev)
