# Idiom seen in: zctao/omnifoldTop python/customModel.py
# What it reproduces: a keras.Model subclass that overrides train_step only to observe each step and
#   delegates the update to super().train_step(data), which still adds the regularization losses of
#   the model (clean).
import tensorflow as tf
from tensorflow import keras
import lossTracker


class LossTrackerModel(keras.models.Model):
    def train_step(self, data):
        """
        Overriding the training step from parent keras.models.Model gives a window during each training
        step to take a look at the input data and the output loss.
        """
        train_result = super().train_step(data)
        if lossTracker.interEpochTracking():
            lossTracker.getTrackerInstance().evaluateLoss(self, data)
        return train_result
