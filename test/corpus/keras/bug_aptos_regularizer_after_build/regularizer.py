# Idiom seen in: qianlin404/aptos19 regularizer.py
# What it reproduces: regularizer_l2(model, lamb) sets layer.kernel_regularizer on every layer of a model the
#   factory has already built (ResNet50 from keras.applications + head); no rebuild follows, so model.losses
#   stays empty and fit trains without decay (real bug).
import tensorflow as tf


def regularizer_l2(model, lamb):
    """ L2 regularizer """
    for layer in model.layers:
        layer.kernel_regularizer = tf.keras.regularizers.l2(lamb)  # expect: WD106
