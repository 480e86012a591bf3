# Idiom seen in: Giang-Davy/holbertonschool-machine_learning supervised_learning/regularization/2-l2_reg_cost.py
# What it reproduces: the Keras-era course helper l2_reg_cost(cost, model) that folds the model's
#   regularization losses into the cost; the training loop differentiates its result (clean).
"""L2 Regularization Cost"""
import tensorflow as tf


def l2_reg_cost(cost, model):
    """cost of the network accounting for the L2 losses of the model's layers"""
    return cost + tf.add_n(model.losses)
