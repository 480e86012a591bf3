# Idiom seen in: AltschulerWu-Lab/scScope scscope/scscope/ops.py
# Idiom seen in: AltschulerWu-Lab/scScope scscope/scscope/large_scale_processing.py
# What it reproduces: single-cell RNA-seq autoencoder (scScope): the CIFAR-10 style helper adds an
# L2 term to 'losses' only when wd != 0, and tower_loss() does sum that collection, but every call in
# the package passes wd=0, so the weight decay machinery is dead code (the repository's own state).
import tensorflow as tf


def _variable_on_cpu(name, shape, initializer):
    with tf.device('/cpu:0'):
        var = tf.get_variable(name, shape, initializer=initializer, dtype=tf.float32)
    return var


def _variable_with_weight_decay(name, shape, stddev, wd):
    """Helper to create an initialized Variable with weight decay (added only if wd != 0)."""
    var = _variable_on_cpu(name, shape,
                           tf.truncated_normal_initializer(stddev=stddev, dtype=tf.float32))
    if wd != 0:  # expect: WD303
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def average_gradients(tower_grads):
    """Average the (gradient, variable) lists computed on each GPU."""
    average_grads = []
    for grad_and_vars in zip(*tower_grads):
        grads = [tf.expand_dims(g, 0) for g, _ in grad_and_vars]
        grad = tf.reduce_mean(tf.concat(axis=0, values=grads), 0)
        average_grads.append((grad, grad_and_vars[0][1]))
    return average_grads
