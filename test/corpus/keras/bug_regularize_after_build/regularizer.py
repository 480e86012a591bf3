# Idiom seen in: repository not resolved by the code index (index file id 941530436: a small utils module
#   by "qianlinliang", 7/25/19, whose only function is regularizer_l2(model, lamb))
# What it reproduces: "add L2 to a model" by setting layer.kernel_regularizer on every layer of an
#   already-built model; without rebuilding the model from its config no regularization loss is created.
# label-note: WD106 on the assignment; train.py calls this on the built transfer model.
import tensorflow as tf


def regularizer_l2(model, lamb):
    """ L2 regularizer """
    for layer in model.layers:
        layer.kernel_regularizer = tf.keras.regularizers.l2(lamb)  # expect: WD106
