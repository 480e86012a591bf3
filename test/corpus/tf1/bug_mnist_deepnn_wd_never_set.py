# Idiom seen in: xiaolanke/ModelParallelism mnist_cnn/mnist_cnn.py
# What it reproduces: the TF "deep MNIST" deepnn() whose weight_variable() helper was given an optional wd that adds
#   wd * l2_loss(W) to the 'losses' collection (summed into the minimized loss); a user mistake in this idiom: no call
#   passes wd, so every weight gets wd=None and the decay branch never runs.
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import argparse
import sys

import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

FLAGS = None


def weight_variable(shape, wd=None):
    """weight_variable generates a weight variable of a given shape, optionally with L2 decay."""
    initial = tf.truncated_normal(shape, stddev=0.1)
    var = tf.Variable(initial)
    if wd is not None:  # expect: WD303
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def bias_variable(shape):
    initial = tf.constant(0.1, shape=shape)
    return tf.Variable(initial)


def conv2d(x, W):
    return tf.nn.conv2d(x, W, strides=[1, 1, 1, 1], padding='SAME')


def max_pool_2x2(x):
    return tf.nn.max_pool(x, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME')


def deepnn(x):
    with tf.name_scope('reshape'):
        x_image = tf.reshape(x, [-1, 28, 28, 1])
    with tf.name_scope('conv1'):
        W_conv1 = weight_variable([5, 5, 1, 32])
        h_conv1 = tf.nn.relu(conv2d(x_image, W_conv1) + bias_variable([32]))
    h_pool1 = max_pool_2x2(h_conv1)
    with tf.name_scope('conv2'):
        W_conv2 = weight_variable([5, 5, 32, 64])
        h_conv2 = tf.nn.relu(conv2d(h_pool1, W_conv2) + bias_variable([64]))
    h_pool2 = max_pool_2x2(h_conv2)
    with tf.name_scope('fc1'):
        W_fc1 = weight_variable([7 * 7 * 64, 1024])
        h_pool2_flat = tf.reshape(h_pool2, [-1, 7 * 7 * 64])
        h_fc1 = tf.nn.relu(tf.matmul(h_pool2_flat, W_fc1) + bias_variable([1024]))
    with tf.name_scope('fc2'):
        W_fc2 = weight_variable([1024, 10])
        y_conv = tf.matmul(h_fc1, W_fc2) + bias_variable([10])
    return y_conv


def main(_):
    mnist = input_data.read_data_sets(FLAGS.data_dir)
    x = tf.placeholder(tf.float32, [None, 784])
    y_ = tf.placeholder(tf.int64, [None])
    y_conv = deepnn(x)

    with tf.name_scope('loss'):
        cross_entropy = tf.reduce_mean(
            tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y_, logits=y_conv))
        tf.add_to_collection('losses', cross_entropy)
        total_loss = tf.add_n(tf.get_collection('losses'), name='total_loss')

    with tf.name_scope('adam_optimizer'):
        train_step = tf.train.AdamOptimizer(1e-4).minimize(total_loss)

    accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(y_conv, 1), y_), tf.float32))

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for i in range(2000):
            batch = mnist.train.next_batch(100)
            if i % 100 == 0:
                print('step %d, training accuracy %g' % (i, accuracy.eval(feed_dict={x: batch[0], y_: batch[1]})))
            sess.run(train_step, feed_dict={x: batch[0], y_: batch[1]})
        print('test accuracy %g' % accuracy.eval(feed_dict={x: mnist.test.images, y_: mnist.test.labels}))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--data_dir', type=str, default='mnist', help='Directory for storing input data')
    FLAGS, unparsed = parser.parse_known_args()
    tf.app.run(main=main, argv=[sys.argv[0]] + unparsed)
