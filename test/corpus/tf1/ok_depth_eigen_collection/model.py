# Idiom seen in: pippy360/depthEstimationNN1 model.py
# What it reproduces: a depth-from-single-image network built with the CIFAR-10 helper _variable_with_weight_decay
#   (`if wd:` guard): conv layers default to wd=0.0, the fully connected layers default to wd=0.04, and loss() adds the
#   scale-invariant depth cost to 'losses' and returns tf.add_n of the collection; clean, the fc decay is trained.
import math

import tensorflow as tf

TOWER_NAME = 'tower'


def _variable_on_gpu(name, shape, initializer):
    return tf.get_variable(name, shape, initializer=initializer)


def _variable_with_weight_decay(name, shape, stddev, wd, trainable=True):
    var = _variable_on_gpu(name, shape, tf.truncated_normal_initializer(stddev=stddev))
    if wd:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def conv2d(scope_name, inputs, shape, bias_shape, stride, padding='VALID', wd=0.0, trainable=True):
    with tf.variable_scope(scope_name) as scope:
        kernel = _variable_with_weight_decay('weights', shape=shape, stddev=0.01, wd=wd, trainable=trainable)
        conv = tf.nn.conv2d(inputs, kernel, stride, padding=padding)
        biases = _variable_on_gpu('biases', bias_shape, tf.constant_initializer(0.1))
        bias = tf.nn.bias_add(conv, biases)
        return tf.nn.relu(bias, name=scope.name)


def fc(scope_name, inputs, shape, bias_shape, wd=0.04, trainable=True):
    with tf.variable_scope(scope_name) as scope:
        flat = tf.reshape(inputs, [-1, shape[0]])
        weights = _variable_with_weight_decay('weights', shape, stddev=0.01, wd=wd, trainable=trainable)
        biases = _variable_on_gpu('biases', bias_shape, tf.constant_initializer(0.1))
        return tf.nn.relu_layer(flat, weights, biases, name=scope.name)


def inference(images, trainable=True):
    coarse1_conv = conv2d('coarse1', images, [11, 11, 3, 96], [96], [1, 4, 4, 1], padding='VALID')
    coarse1 = tf.nn.max_pool(coarse1_conv, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='VALID', name='pool1')
    coarse2_conv = conv2d('coarse2', coarse1, [5, 5, 96, 256], [256], [1, 1, 1, 1], padding='VALID')
    coarse2 = tf.nn.max_pool(coarse2_conv, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='VALID', name='pool2')
    coarse3 = conv2d('coarse3', coarse2, [3, 3, 256, 384], [384], [1, 1, 1, 1], padding='VALID')
    coarse4 = conv2d('coarse4', coarse3, [3, 3, 384, 384], [384], [1, 1, 1, 1], padding='VALID')
    coarse5 = conv2d('coarse5', coarse4, [3, 3, 384, 256], [256], [1, 1, 1, 1], padding='VALID')
    coarse6 = fc('coarse6', coarse5, [6 * 10 * 256, 4096], [4096], trainable=trainable)
    coarse7 = fc('coarse7', coarse6, [4096, 4070], [4070], trainable=trainable)
    return tf.reshape(coarse7, [-1, 55, 74, 1])


def loss(logits, depths, invalid_depths):
    logits_flat = tf.reshape(logits, [-1, 55 * 74])
    depths_flat = tf.reshape(depths, [-1, 55 * 74])
    invalid_depths_flat = tf.reshape(invalid_depths, [-1, 55 * 74])
    predict = tf.multiply(logits_flat, invalid_depths_flat)
    target = tf.multiply(depths_flat, invalid_depths_flat)
    d = tf.subtract(predict, target)
    sum_square_d = tf.reduce_sum(tf.square(d), 1)
    sqare_sum_d = tf.square(tf.reduce_sum(d, 1))
    cost = tf.reduce_mean(sum_square_d / 55.0 * 74.0 - 0.5 * sqare_sum_d / math.pow(55 * 74, 2))
    tf.add_to_collection('losses', cost)
    return tf.add_n(tf.get_collection('losses'), name='total_loss')
