# Idiom seen in: mpskex/Convolutional-Pose-Machine-tf net/Regularizer.py
# What it reproduces: a small regularizer-collector class: layers call collect(kernel), which stores
#   l2_loss of the flattened kernel in norm_list; calling the object returns beta * mean(norm_list).
import tensorflow as tf


class Regularizer(object):
    """Regularization collector."""
    def __init__(self, beta=0.00001, name="Regularizer"):
        self.name = name
        self.beta = beta
        self.norm_list = []

    def __regularizing_function__(self, vector):
        raise NotImplementedError

    def collect(self, weights):
        vectorized_weight = tf.reshape(weights, [-1])
        self.norm_list.append(self.__regularizing_function__(vectorized_weight))

    def __call__(self):
        return self.beta * tf.reduce_mean(self.norm_list)


class L2Regularizer(Regularizer):
    def __regularizing_function__(self, vector):
        return tf.nn.l2_loss(vector)
