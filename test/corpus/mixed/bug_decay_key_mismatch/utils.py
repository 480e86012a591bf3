# Idiom seen in: dalgu90/resnet-18-tensorflow utils.py; yzcjtr/GeoNet geonet_model.py
# What it reproduces: a utils module that owns the collection key as a module constant and the
# CIFAR-10-style `_variable_with_weight_decay` helper, which adds `wd * l2_loss(var)` to that custom
# key. model.py sums tf.compat.v1.losses.get_regularization_losses() instead, which reads
# REGULARIZATION_LOSSES and never this key, so the decay terms never reach the minimized loss (WD101).
import tensorflow as tf

WEIGHT_DECAY_LOSSES = 'weight_decay_losses'
MOVING_AVERAGE_DECAY = 0.9999


def _variable_on_cpu(name, shape, initializer):
    with tf.device('/cpu:0'):
        var = tf.compat.v1.get_variable(name, shape, initializer=initializer, dtype=tf.float32)
    return var


def _variable_with_weight_decay(name, shape, stddev, wd):
    """Creates a truncated-normal variable and, if wd is given, an L2 term in WEIGHT_DECAY_LOSSES."""
    var = _variable_on_cpu(name, shape, tf.compat.v1.truncated_normal_initializer(stddev=stddev))
    if wd is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.compat.v1.add_to_collection(WEIGHT_DECAY_LOSSES, weight_decay)  # expect: WD101
    return var


def activation_summary(x):
    tf.compat.v1.summary.histogram(x.op.name + '/activations', x)
    tf.compat.v1.summary.scalar(x.op.name + '/sparsity', tf.nn.zero_fraction(x))
