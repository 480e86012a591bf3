# Idiom seen in: tkuanlun350/Tensorflow-SegNet Utils.py
# Idiom seen in: tkuanlun350/Tensorflow-SegNet model.py
# What it reproduces: the CIFAR-10-style helpers SegNet reuses: _variable_with_weight_decay(name, shape,
#   initializer, wd) adds wd * l2_loss to 'losses' when wd is not None; loss summaries read 'losses'.
import tensorflow as tf


def _variable_on_cpu(name, shape, initializer):
    with tf.device('/cpu:0'):
        var = tf.get_variable(name, shape, initializer=initializer)
    return var


def _variable_with_weight_decay(name, shape, initializer, wd):
    var = _variable_on_cpu(name, shape, initializer)
    if wd is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def _add_loss_summaries(total_loss):
    loss_averages = tf.train.ExponentialMovingAverage(0.9, name='avg')
    losses = tf.get_collection('losses')
    loss_averages_op = loss_averages.apply(losses + [total_loss])
    for l in losses + [total_loss]:
        tf.summary.scalar(l.op.name + ' (raw)', l)
        tf.summary.scalar(l.op.name, loss_averages.average(l))
    return loss_averages_op
