# Idiom seen in: rogertrullo/tensorflow_medical_images_segmentation utils.py
# Idiom seen in: rogertrullo/tensorflow_medical_images_segmentation g_model.py
# What it reproduces: CT organ segmentation layer helpers: every conv/deconv kernel is made by a helper
# that unconditionally adds wd * l2_loss(kernel) to the 'losses' collection (summed in g_model.py).
import numpy as np
import tensorflow as tf


def get_fans(shape):
    receptive_field_size = np.prod(shape[:-2])
    return shape[-2] * receptive_field_size, shape[-1] * receptive_field_size


def xavier_init(n_inputs, n_outputs):
    init_range = np.sqrt(6.0 / (n_inputs + n_outputs))
    return tf.random_uniform_initializer(-init_range, init_range)


def _variable_with_weight_decay(name, shape, wd):
    fan_in, fan_out = get_fans(shape)
    var = tf.get_variable(name, shape=shape, dtype=tf.float32, initializer=xavier_init(fan_in, fan_out))
    weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
    tf.add_to_collection('losses', weight_decay)
    return var


def conv_op(input_op, name, kw, kh, n_out, dw, dh, wd, padding='SAME', activation=True):
    n_in = input_op.get_shape()[-1].value
    with tf.variable_scope(name):
        kernel = _variable_with_weight_decay("w", [kh, kw, n_in, n_out], wd)
        conv = tf.nn.conv2d(input_op, kernel, (1, dh, dw, 1), padding=padding)
        biases = tf.get_variable(initializer=tf.constant(0.0, shape=[n_out]), trainable=True, name='b')
        z = tf.nn.bias_add(conv, biases)
        if activation:
            z = tf.nn.relu(z, name='Activation')
        return z


def deconv_op(input_op, name, kw, kh, n_out, wd, batchsize, activation=True):
    n_in = input_op.get_shape()[-1].value
    hin, win = input_op.get_shape()[1].value, input_op.get_shape()[2].value
    with tf.variable_scope(name):
        kernel = _variable_with_weight_decay("w", [kh, kw, n_out, n_in], wd)
        conv = tf.nn.conv2d_transpose(input_op, kernel, [batchsize, 2 * hin, 2 * win, n_out],
                                      strides=[1, 2, 2, 1], padding='SAME')
        biases = tf.get_variable(initializer=tf.constant(0.0, shape=[n_out]), trainable=True, name='b')
        z = tf.nn.bias_add(conv, biases)
        if activation:
            z = tf.nn.relu(z, name='Activation')
        return z


def mpool_op(input_op, name, kh, kw, dh, dw):
    return tf.nn.max_pool(input_op, ksize=[1, kh, kw, 1], strides=[1, dh, dw, 1], padding='SAME',
                          name=name)


def concatenate_op(input_op1, input_op2, name):
    return tf.concat([input_op1, input_op2], 3, name=name)
