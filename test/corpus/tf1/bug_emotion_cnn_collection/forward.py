# Idiom seen in: baiyang2464/AI dl/nn/cnn/emotion/forward.py
# Idiom seen in: baiyang2464/AI dl/nn/cnn/emotion/backward.py
# What it reproduces: the repository's own bug: get_weight() adds l2_regularizer terms to the 'losses'
#   collection for every conv/fc weight, but backward.py minimizes the bare cross entropy; the collection is never read.
# coding:utf8
import tensorflow as tf

keep_prob = 0.5
class_sum = 7


def get_weight(shape, regularizer):
    w = tf.Variable(tf.truncated_normal(shape, stddev=0.1))
    if regularizer != None:
        tf.add_to_collection('losses', tf.contrib.layers.l2_regularizer(regularizer)(w))  # expect: WD101
    return w


def get_bias(shape):
    return tf.Variable(tf.zeros(shape))


def conv_pool_layer(data, weights_size, biases_size, regularizer):
    weights = get_weight(weights_size, regularizer)
    biases = get_bias(biases_size)
    conv = tf.nn.conv2d(data, weights, strides=[1, 1, 1, 1], padding='SAME')
    relu = tf.nn.relu(conv + biases)
    return tf.nn.max_pool(relu, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME')


def linear_layer(data, weights_size, biases_size, regularizer):
    weights = get_weight(weights_size, regularizer)
    biases = get_bias(biases_size)
    return tf.add(tf.matmul(data, weights), biases)


def forward(x, train, regularizer):
    x_image = tf.reshape(x, [-1, 48, 48, 1])
    h1 = conv_pool_layer(x_image, [5, 5, 1, 32], [32], regularizer)
    h2 = conv_pool_layer(h1, [5, 5, 32, 64], [64], regularizer)
    flat = tf.reshape(h2, [-1, 12 * 12 * 64])
    fc1 = tf.nn.relu(linear_layer(flat, [12 * 12 * 64, 1024], [1024], regularizer))
    if train:
        fc1 = tf.nn.dropout(fc1, keep_prob)
    return tf.nn.softmax(linear_layer(fc1, [1024, class_sum], [class_sum], regularizer))
