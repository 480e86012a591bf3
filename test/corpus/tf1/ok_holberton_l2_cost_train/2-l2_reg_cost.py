# Idiom seen in: paurbano/holbertonschool-machine_learning supervised_learning/0x05-regularization/2-l2_reg_cost.py
# Idiom seen in: paurbano/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-l2_reg_create_layer.py
# What it reproduces: the course pair l2_reg_cost (cost + tf.losses.get_regularization_losses()) and l2_reg_create_layer
#   (kernel_regularizer=l2_regularizer); the training script minimizes l2_reg_cost(cost), so the layer decay is trained: clean.
"""L2 regularization cost"""
import tensorflow as tf


def l2_reg_cost(cost):
    """returns the cost of the network accounting for L2 regularization"""
    l2 = cost + tf.losses.get_regularization_losses()
    return l2
