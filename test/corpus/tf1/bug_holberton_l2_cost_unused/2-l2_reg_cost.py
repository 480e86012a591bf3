# Idiom seen in: svelezg/holbertonschool-machine_learning supervised_learning/0x05-regularization/2-l2_reg_cost.py
# What it reproduces: the course helper that adds the graph's regularization losses to a cost; here
#   the training script computes it but hands the bare cost to the optimizer (a student mistake).
"""Contains the l2_reg_cost function"""

import tensorflow as tf


def l2_reg_cost(cost):
    """
    calculates the cost of a neural network with L2 regularization
    :param cost: tensor containing the cost of the network without L2 regularization
    :return: tensor containing the cost of the network accounting for L2 regularization
    """
    return cost + tf.losses.get_regularization_loss()  # expect: WD105
