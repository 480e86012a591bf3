# Idiom seen in: yzcjtr/GeoNet geonet_model.py; dalgu90/resnet-18-tensorflow resnet.py
# What it reproduces: the model module that imports the decay helper from utils and builds its
# total loss from the cross entropy plus tf.compat.v1.losses.get_regularization_losses(), a reader of
# a different collection than the one the helper fills (the finding is on the helper, in utils.py).
import tensorflow as tf

import utils

NUM_CLASSES = 10


def inference(images, batch_size):
    with tf.compat.v1.variable_scope('conv1') as scope:
        kernel = utils._variable_with_weight_decay('weights', [5, 5, 3, 64], stddev=5e-2, wd=None)
        conv = tf.nn.conv2d(images, kernel, [1, 1, 1, 1], padding='SAME')
        biases = utils._variable_on_cpu('biases', [64], tf.compat.v1.constant_initializer(0.0))
        conv1 = tf.nn.relu(tf.nn.bias_add(conv, biases), name=scope.name)
        utils.activation_summary(conv1)
    pool1 = tf.nn.max_pool2d(conv1, 3, 2, padding='SAME', name='pool1')

    with tf.compat.v1.variable_scope('local3') as scope:
        reshape = tf.reshape(pool1, [batch_size, -1])
        dim = reshape.get_shape()[1]
        weights = utils._variable_with_weight_decay('weights', [dim, 384], stddev=0.04, wd=0.004)
        biases = utils._variable_on_cpu('biases', [384], tf.compat.v1.constant_initializer(0.1))
        local3 = tf.nn.relu(tf.matmul(reshape, weights) + biases, name=scope.name)

    with tf.compat.v1.variable_scope('local4') as scope:
        weights = utils._variable_with_weight_decay('weights', [384, 192], stddev=0.04, wd=0.004)
        biases = utils._variable_on_cpu('biases', [192], tf.compat.v1.constant_initializer(0.1))
        local4 = tf.nn.relu(tf.matmul(local3, weights) + biases, name=scope.name)

    with tf.compat.v1.variable_scope('softmax_linear') as scope:
        weights = utils._variable_with_weight_decay('weights', [192, NUM_CLASSES], stddev=1 / 192.0, wd=None)
        biases = utils._variable_on_cpu('biases', [NUM_CLASSES], tf.compat.v1.constant_initializer(0.0))
        softmax_linear = tf.add(tf.matmul(local4, weights), biases, name=scope.name)
    return softmax_linear


def loss(logits, labels):
    cross_entropy = tf.compat.v1.losses.sparse_softmax_cross_entropy(
        labels=tf.cast(labels, tf.int64), logits=logits)
    reg_losses = tf.compat.v1.losses.get_regularization_losses()
    return tf.add_n([cross_entropy] + reg_losses, name='total_loss')
