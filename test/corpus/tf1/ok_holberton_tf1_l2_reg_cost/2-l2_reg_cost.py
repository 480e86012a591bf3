# Idiom seen in: JohnCook17/holbertonschool-machine_learning supervised_learning/0x05-regularization/2-l2_reg_cost.py
# Idiom seen in: JohnCook17/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-l2_reg_create_layer.py
# What it reproduces: TF1 course modules loaded with __import__: tf.layers.Dense built with
#   kernel_regularizer=l2_regularizer(lambtha), l2_reg_cost(cost) = add_n([cost] +
#   tf.losses.get_regularization_losses()), and a script minimizing that l2 cost with SGD: clean.
"""L2 regularized cost"""
import tensorflow as tf


def l2_reg_cost(cost):
    """Returns a tensor containing the total cost accounting for L2 regularization"""
    return tf.add_n([cost] + tf.losses.get_regularization_losses())
