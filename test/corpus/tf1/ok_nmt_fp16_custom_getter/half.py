# Idiom seen in: THUNLP-MT/THUMT thumt/utils/half.py
# What it reproduces: fp16 training through a variable_scope custom_getter that forwards regularizer= to the real
#   getter; the projection weights carry an l2 regularizer and the trainer adds get_regularization_loss(). Clean.
# coding=utf-8
import tensorflow as tf


def custom_getter(getter, name, shape=None, dtype=None, initializer=None,
                  regularizer=None, trainable=True, *args, **kwargs):
    var_dtype = tf.float32 if trainable else dtype
    variable = getter(name, shape, dtype=var_dtype, initializer=initializer,
                      regularizer=regularizer, trainable=trainable,
                      *args, **kwargs)
    if trainable and dtype != tf.float32:
        variable = tf.cast(variable, dtype)
    return variable
