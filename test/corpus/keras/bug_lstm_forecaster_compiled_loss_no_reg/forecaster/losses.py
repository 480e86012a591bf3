# Idiom seen in: repository not resolved by the code index (index file id 39162935261, `from .losses import
#   weighted_loss`)
# What it reproduces: a weighted sum of Keras loss functions used as the compiled loss.
import tensorflow as tf


def weighted_loss(*weights, loss_funcs=("mse",)):
    fns = [tf.keras.losses.get(name) for name in loss_funcs]

    def loss(y_true, y_pred):
        return tf.add_n([w * tf.reduce_mean(fn(y_true, y_pred)) for w, fn in zip(weights, fns)])

    return loss
