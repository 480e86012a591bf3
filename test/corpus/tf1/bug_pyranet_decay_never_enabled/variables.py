# Idiom seen in: CVPRLab-UniParthenope/EmoP3D layers/variables.py
# Idiom seen in: CVPRLab-UniParthenope/EmoP3D layers/applications.py
# Idiom seen in: CVPRLab-UniParthenope/EmoP3D train_3dpyranet.py
# What it reproduces: get_variable_with_decay(..., weight_decay=None) guarded by `if weight_decay:` feeds a "weight_decay"
#   collection that compute_loss sums into the loss; weight_decay is handed down the layer builders, but the only
#   outermost value is params.WEIGHT_DECAY = 0.0 (flag moved into a params module): the decay never runs (WD303).
import tensorflow as tf


def get_variable_with_decay(name, shape, initializer, weight_decay=None):
    with tf.device("/cpu:0"):
        var = tf.get_variable(name, shape=shape, initializer=initializer)

    if weight_decay:  # expect: WD303
        wd = tf.nn.l2_loss(var) * weight_decay
        tf.add_to_collection("weight_decay", wd)

    return var


def ws3d_weight_initializer(name, shape, initializer, weight_decay=None):
    return get_variable_with_decay(name, shape, initializer, weight_decay)


def ws3d_bias_initializer_like(name, tensor, initializer):
    _, d, h, w, f = tensor.shape.as_list()
    return get_variable_with_decay(name, shape=(d, h, w, f), initializer=initializer)
