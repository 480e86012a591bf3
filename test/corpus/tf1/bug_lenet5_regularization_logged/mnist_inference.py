# Idiom seen in: dogwaves/LE-NET5 mnist_train.py
# What it reproduces: LeNet-5 inference module whose fully connected weights add regularizer(w) to
# the 'losses' collection; the bug is in mnist_train.py (the collection is summed and only logged).
import tensorflow as tf

IMAGE_SIZE = 28
NUM_CHANNELS = 1
OUTPUT_NODE = 10
CONV_DEEP = 32
FC_SIZE = 256


def _fc_weights(shape, regularizer):
    weights = tf.get_variable("weight", shape,
                              initializer=tf.truncated_normal_initializer(stddev=0.1))
    if regularizer is not None:
        tf.add_to_collection('losses', regularizer(weights))
    return weights


def inference(input_tensor, train, regularizer):
    with tf.variable_scope('conv1'):
        kernel = tf.get_variable("weight", [5, 5, NUM_CHANNELS, CONV_DEEP],
                                 initializer=tf.truncated_normal_initializer(stddev=0.1))
        bias = tf.get_variable("bias", [CONV_DEEP], initializer=tf.constant_initializer(0.0))
        conv = tf.nn.relu(tf.nn.bias_add(
            tf.nn.conv2d(input_tensor, kernel, strides=[1, 1, 1, 1], padding='SAME'), bias))
        pool = tf.nn.max_pool(conv, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME')

    shape = pool.get_shape().as_list()
    nodes = shape[1] * shape[2] * shape[3]
    flat = tf.reshape(pool, [-1, nodes])

    with tf.variable_scope('fc1'):
        w1 = _fc_weights([nodes, FC_SIZE], regularizer)
        b1 = tf.get_variable("bias", [FC_SIZE], initializer=tf.constant_initializer(0.1))
        fc1 = tf.nn.relu(tf.matmul(flat, w1) + b1)
        if train:
            fc1 = tf.nn.dropout(fc1, 0.5)

    with tf.variable_scope('fc2'):
        w2 = _fc_weights([FC_SIZE, OUTPUT_NODE], regularizer)
        b2 = tf.get_variable("bias", [OUTPUT_NODE], initializer=tf.constant_initializer(0.1))
        logits = tf.matmul(fc1, w2) + b2
    return logits
