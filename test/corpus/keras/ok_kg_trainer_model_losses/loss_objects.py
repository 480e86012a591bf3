# Idiom seen in: Dawidsoni/relation-embeddings src/optimization/loss_objects.py
# What it reproduces: loss-object hierarchy whose get_regularization_loss(model) returns the sum of the
#   model's Keras regularization losses (model.losses) and get_mean_loss_of_pairs the margin ranking loss. Clean.
from abc import ABC, abstractmethod

import tensorflow as tf


class LossObject(ABC):

    def get_regularization_loss(self, model):
        if not model.losses:
            return tf.constant(0.0)
        return tf.add_n(model.losses)


class SamplingLossObject(LossObject):

    @abstractmethod
    def get_losses_of_pairs(self, positive_samples, negative_samples):
        pass

    def get_mean_loss_of_pairs(self, positive_samples, negative_samples):
        return tf.reduce_mean(self.get_losses_of_pairs(positive_samples, negative_samples))


class NormLossObject(SamplingLossObject):

    def __init__(self, order, margin):
        super(NormLossObject, self).__init__()
        self.order = order
        self.margin = margin

    def get_losses_of_pairs(self, positive_samples, negative_samples):
        positive_distances = tf.norm(positive_samples, axis=1, ord=self.order)
        negative_distances = tf.norm(negative_samples, axis=1, ord=self.order)
        return tf.nn.relu(positive_distances - negative_distances + self.margin)
