# Idiom seen in: AlecoPB/holbertonschool-machine_learning supervised_learning/regularization/2-l2_reg_cost.py
# Idiom seen in: AlecoPB/holbertonschool-machine_learning supervised_learning/regularization/3-l2_reg_create_layer.py
# What it reproduces: the course modules loaded with __import__: a Dense builder taking lambtha for
#   kernel_regularizer=L2(lambtha), and l2_reg_cost(cost, model) that adds every layer kernel_regularizer
#   applied to its kernel; the GradientTape step differentiates that total: clean.
"""Total cost of a Keras model with L2 regularization"""
import tensorflow as tf


def l2_reg_cost(cost, model):
    """Returns cost plus the L2 term of every regularized layer of model"""
    reg_cost = 0
    for layer in model.layers:
        if hasattr(layer, 'kernel_regularizer') and layer.kernel_regularizer is not None:
            reg_cost += tf.reduce_sum(layer.kernel_regularizer(layer.kernel))
    return cost + reg_cost
