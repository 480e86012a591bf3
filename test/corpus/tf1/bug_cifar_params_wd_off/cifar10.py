# Idiom seen in: WouterCS/cifar10 models/cifar10/cifar10.py
# Idiom seen in: WouterCS/cifar10 models/cifar10/cifar10_params.py
# What it reproduces: the tutorial helper guarded by `if wd is not None and wd > 0`, with every call taking
#   its wd from cifar10_params, where both values are 0: the decay machinery is dead (WD303 at the guard).
#   loss() itself sums the collection correctly.
import tensorflow as tf

import cifar10_input
import cifar10_params as params

NUM_CLASSES = cifar10_input.NUM_CLASSES


def _variable_with_weight_decay(name, shape, stddev, wd):
    var = tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))
    if wd is not None and wd > 0:  # expect: WD303
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def inference(images):
    with tf.variable_scope('conv1') as scope:
        kernel = _variable_with_weight_decay('weights', [5, 5, 3, 64], stddev=5e-2, wd=params.CONV_WEIGHT_DECAY)
        conv = tf.nn.conv2d(images, kernel, [1, 1, 1, 1], padding='SAME')
        conv1 = tf.nn.relu(conv, name=scope.name)
    pool1 = tf.nn.avg_pool(conv1, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
    with tf.variable_scope('conv2') as scope:
        kernel = _variable_with_weight_decay('weights', [5, 5, 64, 64], stddev=5e-2, wd=params.CONV_WEIGHT_DECAY)
        conv2 = tf.nn.relu(tf.nn.conv2d(pool1, kernel, [1, 1, 1, 1], padding='SAME'), name=scope.name)
    pool2 = tf.nn.avg_pool(conv2, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
    with tf.variable_scope('local3') as scope:
        reshape = tf.reshape(pool2, [images.get_shape()[0].value, -1])
        dim = reshape.get_shape()[1].value
        weights = _variable_with_weight_decay('weights', [dim, 384], stddev=0.04, wd=params.FC_WEIGHT_DECAY)
        local3 = tf.nn.relu(tf.matmul(reshape, weights), name=scope.name)
    with tf.variable_scope('softmax_linear') as scope:
        weights = _variable_with_weight_decay('weights', [384, NUM_CLASSES], stddev=1 / 384.0,
                                              wd=params.FC_WEIGHT_DECAY)
        logits = tf.matmul(local3, weights, name=scope.name)
    return logits


def loss(logits, labels):
    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(
        labels=tf.cast(labels, tf.int64), logits=logits, name='cross_entropy_per_example')
    tf.add_to_collection('losses', tf.reduce_mean(cross_entropy, name='cross_entropy'))
    return tf.add_n(tf.get_collection('losses'), name='total_loss')
