# Idiom seen in: tearsforyears/mnist_cnn model/inference.py
# What it reproduces: a forward() that takes a regularizer object and, per fully connected layer, adds regularizer(w) to a private collection named "reg". Bug (see train.py): nothing ever reads "reg", the training script asks tf.losses.get_regularization_loss(), which only reads REGULARIZATION_LOSSES.
from functools import reduce

import tensorflow as tf

from settings import *  # noqa: F401,F403  constants only (CONV_*, FC_NODE_*, DROPOUT_RATE, IMAGE_DEEP)


def conv_layer(name, inputs, filter_shape, stride=None):
    with tf.variable_scope(name):
        if stride is None:
            stride = [1, 1, 1, 1]
        conv_w = tf.get_variable('conv_w', shape=filter_shape,
                                 initializer=tf.truncated_normal_initializer(stddev=.1))
        conv_b = tf.get_variable('conv_b', shape=[filter_shape[-1]],
                                 initializer=tf.constant_initializer(.1))
        conv = tf.nn.conv2d(inputs, conv_w, stride, padding='SAME')
        return tf.nn.relu(tf.nn.bias_add(conv, conv_b))


def pool_layer(name, inputs):
    with tf.variable_scope(name):
        return tf.nn.max_pool(inputs, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME')


def fc_layer(name, inputs, in_nodes, out_nodes, regularizer=None, relu=True):
    with tf.variable_scope(name):
        w = tf.get_variable('w', shape=[in_nodes, out_nodes],
                            initializer=tf.truncated_normal_initializer(stddev=.1))
        b = tf.get_variable('b', shape=[1, out_nodes],
                            initializer=tf.constant_initializer(.1))
        z = tf.matmul(inputs, w) + b
        if regularizer is not None:
            tf.add_to_collection("reg", regularizer(w))  # expect: WD101
    return tf.nn.relu(z) if relu else z


def forward(inputs, train=None, regularizer=None, dropout_rate=DROPOUT_RATE):
    conv1 = conv_layer("conv1", inputs, [CONV_1_SIZE, CONV_1_SIZE, IMAGE_DEEP, CONV_1_DEEP])
    pool1 = pool_layer("pool1", conv1)
    conv2 = conv_layer("conv2", pool1, [CONV_2_SIZE, CONV_2_SIZE, CONV_1_DEEP, CONV_2_DEEP])
    pool2 = pool_layer("pool2", conv2)

    nodes = reduce(lambda a, b: a * b, pool2.get_shape().as_list()[1:4])
    flat = tf.reshape(pool2, [-1, nodes])

    fc1 = fc_layer("fc1", flat, nodes, FC_NODE_1, regularizer)
    if train:
        fc1 = tf.nn.dropout(fc1, dropout_rate)
    logits = fc_layer("fc2", fc1, FC_NODE_1, FC_NODE_2, regularizer, relu=False)
    return logits
