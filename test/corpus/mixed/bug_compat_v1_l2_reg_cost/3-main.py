#!/usr/bin/env python3
# Idiom seen in: cryptolake/holbertonschool-machine_learning supervised_learning/0x05-regularization
#   (helpers imported as tensorflow.compat.v1 on a TF2 install; this N-main.py driver is written here
#   in the project's style, loading the helpers with __import__ by file name)
# What it reproduces: build the graph with the helpers, minimize l2_reg_cost(cost) with plain SGD.
import numpy as np
import tensorflow.compat.v1 as tf

l2_reg_cost = __import__('2-l2_reg_cost').l2_reg_cost
l2_reg_create_layer = __import__('3-l2_reg_create_layer').l2_reg_create_layer

tf.disable_eager_execution()


def one_hot(Y, classes):
    oh = np.zeros((Y.shape[0], classes))
    oh[np.arange(Y.shape[0]), Y] = 1
    return oh


if __name__ == '__main__':
    lib = np.load('../data/MNIST.npz')
    X = lib['X_train'].reshape((lib['X_train'].shape[0], -1))
    Y = one_hot(lib['Y_train'], 10)

    x = tf.placeholder(tf.float32, (None, 784))
    y = tf.placeholder(tf.float32, (None, 10))
    a = x
    for n, act in zip([256, 256], [tf.nn.tanh, tf.nn.tanh]):
        a = l2_reg_create_layer(a, n, act, 0.01)
    y_pred = l2_reg_create_layer(a, 10, None, 0.01)
    cost = tf.losses.softmax_cross_entropy(y, y_pred)
    l2_cost = l2_reg_cost(cost)
    train_op = tf.train.GradientDescentOptimizer(0.05).minimize(l2_cost)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for i in range(1000):
            _, c = sess.run((train_op, l2_cost), feed_dict={x: X, y: Y})
            if i % 100 == 0:
                print(i, c)
