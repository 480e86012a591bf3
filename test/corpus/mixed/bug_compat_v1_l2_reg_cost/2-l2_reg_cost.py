#!/usr/bin/env python3
# Idiom seen in: cryptolake/holbertonschool-machine_learning supervised_learning/0x05-regularization/2-l2_reg_cost.py
# What it reproduces: the "L2 cost" helper applies a fresh tf.keras.regularizers.L2() to the cost
#   tensor itself instead of adding the layers' regularization losses
#   (tf.losses.get_regularization_losses()) to the cost.
"""L2 Regulazation cost in tensorflow."""
import tensorflow.compat.v1 as tf


def l2_reg_cost(cost):
    """L2 regulazation cost in tensorflow."""
    reg = tf.keras.regularizers.L2()
    return reg(cost)
