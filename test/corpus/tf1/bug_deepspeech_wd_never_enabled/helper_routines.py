# Idiom seen in: yao-matrix/deepSpeech2 src/helper_routines.py
# What it reproduces: the CIFAR-10 style _variable_with_weight_decay(name, shape, wd_value, use_fp16) helper of the
# TF1 DeepSpeech2 port; its decay block is guarded by `if wd_value is not None`, and every call in deepSpeech.py passes
# wd_value=None, so the decay machinery never runs (as in the repository).
import re

import tensorflow as tf

TOWER_NAME = 'tower'


def _activation_summary(act):
    tensor_name = re.sub('%s_[0-9]*/' % TOWER_NAME, '', act.op.name)
    tf.summary.histogram(tensor_name + '/activations', act)
    tf.summary.scalar(tensor_name + '/sparsity', tf.nn.zero_fraction(act))


def _variable_on_cpu(name, shape, initializer=None, use_fp16=False, trainable=True):
    with tf.device('/cpu:0'):
        dtype = tf.float16 if use_fp16 else tf.float32
        var = tf.get_variable(name, shape, initializer=initializer, dtype=dtype, trainable=trainable)
    return var


def _variable_with_weight_decay(name, shape, wd_value, use_fp16):
    """Helper to create an initialized Variable with weight decay.

    A weight decay is added only if one is specified.
    """
    dtype = tf.float16 if use_fp16 else tf.float32
    var = _variable_on_cpu(name, shape,
                           tf.contrib.layers.variance_scaling_initializer(factor=2.0, mode='FAN_IN',
                                                                          uniform=False, dtype=dtype),
                           use_fp16)
    if wd_value is not None:  # expect: WD303
        weight_decay = tf.cast(tf.multiply(tf.nn.l2_loss(var), wd_value, name='weight_loss'), tf.float32)
        tf.add_to_collection('losses', weight_decay)
    return var
