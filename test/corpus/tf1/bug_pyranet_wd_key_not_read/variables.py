# Idiom seen in: accasio/3DPyraNet pyranet/layers/variables.py
# What it reproduces: 3DPyraNet's variable helper, which adds tf.nn.l2_loss(var) * weight_decay to the custom
#   collection "weight_decay"; the repo's train.py sums that collection into its loss, but in this program the loss
#   function was rewritten CIFAR-10 style around the 'losses' collection (a user mistake), so nothing reads "weight_decay".
import tensorflow as tf


def get_variable_with_decay(name, shape, initializer, trainable=True, weight_decay=None):
    with tf.device("/cpu:0"):
        var = tf.get_variable(name, shape=shape, trainable=trainable, initializer=initializer)

    if weight_decay:
        wd = tf.nn.l2_loss(var) * weight_decay
        tf.add_to_collection("weight_decay", wd)  # expect: WD101

    return var


def ws3d_weight_initializer(name, shape, initializer, weight_decay=None):
    return get_variable_with_decay(name, shape, initializer, weight_decay=weight_decay)


def ws3d_bias_initializer_like(name, tensor, initializer):
    _, d, h, w, f = tensor.shape.as_list()
    return get_variable_with_decay(name, shape=(d, h, w, f), initializer=initializer)
