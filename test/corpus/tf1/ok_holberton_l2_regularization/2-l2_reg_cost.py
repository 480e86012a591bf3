#!/usr/bin/env python3
# Idiom seen in: codingdir1/holbertons-machine_learning supervised_learning/0x05-regularization/2-main.py
# What it reproduces: course-style modules loaded with __import__: layers built with a TF1 l2 regularizer, a helper
#   that adds the regularization losses to the cost, and an Adam op minimizing that regularized cost. Clean.
"""L2 Regularization Cost"""
import tensorflow.compat.v1 as tf


def l2_reg_cost(cost):
    """returns the cost of the network including the L2 regularization terms"""
    return cost + tf.losses.get_regularization_losses()
