#!/usr/bin/env python3
# Idiom seen in: Kenneth-ca/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-l2_reg_create_layer.py
# Idiom seen in: Kenneth-ca/holbertonschool-machine_learning supervised_learning/0x05-regularization/2-l2_reg_cost.py
# Idiom seen in: Kenneth-ca/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-main.py
# What it reproduces: the layer builder sets kernel_regularizer=l2_regularizer(lambtha), but the training script
# minimizes the bare softmax cross-entropy; the l2_reg_cost helper that would add the losses is never called.
"""
Calculates the cost of a neural network with L2 regularization
"""
import tensorflow as tf


def l2_reg_cost(cost):
    """
    :param cost: tensor containing the cost of the network without L2
    :return: tensor containing the cost of the network accounting for L2
    """
    return cost + tf.losses.get_regularization_losses()
