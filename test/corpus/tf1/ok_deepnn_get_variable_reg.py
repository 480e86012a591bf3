# Idiom seen in: XiaofengZhu/frosting_weights mnist_deep.py
# What it reproduces: the "deep MNIST for experts" deepnn() with its weight_variable() helper switched to
#   tf.get_variable(..., regularizer=l2_regularizer(scale)); the Adam loss adds
#   tf.losses.get_regularization_loss(), so the regularizers are trained. Clean.
import argparse
import sys
import tempfile

import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

FLAGS = None
L2_SCALE = 5e-4


def weight_variable(name, shape):
    return tf.get_variable(name, shape,
                           initializer=tf.truncated_normal_initializer(stddev=0.1),
                           regularizer=tf.contrib.layers.l2_regularizer(L2_SCALE))


def bias_variable(name, shape):
    return tf.get_variable(name, shape, initializer=tf.constant_initializer(0.1))


def conv2d(x, W):
    return tf.nn.conv2d(x, W, strides=[1, 1, 1, 1], padding='SAME')


def max_pool_2x2(x):
    return tf.nn.max_pool(x, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME')


def deepnn(x_image):
    with tf.variable_scope('conv1'):
        h_conv1 = tf.nn.relu(conv2d(x_image, weight_variable('W', [5, 5, 1, 32])) + bias_variable('b', [32]))
    h_pool1 = max_pool_2x2(h_conv1)
    with tf.variable_scope('conv2'):
        h_conv2 = tf.nn.relu(conv2d(h_pool1, weight_variable('W', [5, 5, 32, 64])) + bias_variable('b', [64]))
    h_pool2 = max_pool_2x2(h_conv2)
    with tf.variable_scope('fc1'):
        flat = tf.reshape(h_pool2, [-1, 7 * 7 * 64])
        h_fc1 = tf.nn.relu(tf.matmul(flat, weight_variable('W', [7 * 7 * 64, 1024])) + bias_variable('b', [1024]))
    keep_prob = tf.placeholder(tf.float32)
    h_fc1_drop = tf.nn.dropout(h_fc1, keep_prob)
    with tf.variable_scope('fc2'):
        y_conv = tf.matmul(h_fc1_drop, weight_variable('W', [1024, 10])) + bias_variable('b', [10])
    return y_conv, keep_prob


def main(_):
    mnist = input_data.read_data_sets(FLAGS.data_dir, one_hot=True, reshape=False)
    x = tf.placeholder(tf.float32, [None, 28, 28, 1])
    y_ = tf.placeholder(tf.float32, [None, 10])
    y_conv, keep_prob = deepnn(x)
    with tf.name_scope('loss'):
        cross_entropy = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y_, logits=y_conv))
        total_loss = cross_entropy + tf.losses.get_regularization_loss()
    with tf.name_scope('adam_optimizer'):
        train_step = tf.train.AdamOptimizer(1e-4).minimize(total_loss)
    accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(y_conv, 1), tf.argmax(y_, 1)), tf.float32))
    tf.summary.FileWriter(tempfile.mkdtemp()).add_graph(tf.get_default_graph())
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for i in range(2000):
            batch = mnist.train.next_batch(50)
            if i % 100 == 0:
                print('step %d, training accuracy %g' % (i, accuracy.eval(feed_dict={x: batch[0], y_: batch[1], keep_prob: 1.0})))
            train_step.run(feed_dict={x: batch[0], y_: batch[1], keep_prob: 0.5})


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_dir', type=str, default='/tmp/tensorflow/mnist/input_data')
    FLAGS, unparsed = parser.parse_known_args()
    tf.app.run(main=main, argv=[sys.argv[0]] + unparsed)
