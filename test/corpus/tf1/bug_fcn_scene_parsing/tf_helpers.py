# Idiom seen in: shekkizh/FCN.tensorflow TensorflowUtils.py
# What it reproduces: a utils module whose add_to_regularization_and_summary helper puts tf.nn.l2_loss(var) into a custom "reg_loss" collection; the training script never reads that collection, so the L2 terms reach no loss (bug, WD101 here).
import numpy as np
import scipy.io
import tensorflow as tf


def load_vgg_mat(path):
    return scipy.io.loadmat(path)


def const_variable(array, name):
    init = tf.constant_initializer(array, dtype=tf.float32)
    return tf.get_variable(name=name, initializer=init, shape=array.shape)


def weight_variable(shape, stddev=0.02, name=None):
    initial = tf.truncated_normal(shape, stddev=stddev)
    if name is None:
        return tf.Variable(initial)
    return tf.get_variable(name, initializer=initial)


def bias_variable(shape, name=None):
    initial = tf.constant(0.0, shape=shape)
    if name is None:
        return tf.Variable(initial)
    return tf.get_variable(name, initializer=initial)


def conv2d_basic(x, w, b):
    conv = tf.nn.conv2d(x, w, strides=[1, 1, 1, 1], padding="SAME")
    return tf.nn.bias_add(conv, b)


def conv2d_transpose_strided(x, w, b, output_shape, stride=2):
    conv = tf.nn.conv2d_transpose(x, w, output_shape, strides=[1, stride, stride, 1], padding="SAME")
    return tf.nn.bias_add(conv, b)


def avg_pool_2x2(x):
    return tf.nn.avg_pool(x, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="SAME")


def max_pool_2x2(x):
    return tf.nn.max_pool(x, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="SAME")


def subtract_mean(image, mean_pixel):
    return image - np.asarray(mean_pixel, dtype=np.float32)


def add_to_regularization_and_summary(var):
    if var is not None:
        tf.summary.histogram(var.op.name, var)
        tf.add_to_collection("reg_loss", tf.nn.l2_loss(var))  # expect: WD101


def add_gradient_summary(grad, var):
    if grad is not None:
        tf.summary.histogram(var.op.name + "/gradient", grad)
