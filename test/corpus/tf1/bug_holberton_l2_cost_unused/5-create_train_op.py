# Idiom seen in: svelezg/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-main.py
# What it reproduces: a course-style gradient-descent train op builder, imported with __import__ like the
#   course's other modules; it minimizes whatever loss the script hands it.
"""Contains the create_train_op function"""

import tensorflow as tf


def create_train_op(loss, alpha):
    """
    creates the training operation for the network
    :param loss: loss of the network's prediction
    :param alpha: learning rate
    :return: operation that trains the network using gradient descent
    """
    return tf.train.GradientDescentOptimizer(alpha).minimize(loss)
