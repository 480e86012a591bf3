#!/usr/bin/env python3
# Idiom seen in: codingdir1/holbertons-machine_learning supervised_learning/0x05-regularization/2-main.py
# What it reproduces: course-style modules loaded with __import__: layers built with a TF1 l2 regularizer, a helper
#   that adds the regularization losses to the cost, and an Adam op minimizing that regularized cost. Clean.
import numpy as np
import tensorflow.compat.v1 as tf
tf.disable_eager_execution()
l2_reg_cost = __import__('2-l2_reg_cost').l2_reg_cost
l2_reg_create_layer = __import__('3-l2_reg_create_layer').l2_reg_create_layer


def one_hot(Y, classes):
    oh = np.zeros((Y.shape[0], classes))
    oh[np.arange(Y.shape[0]), Y] = 1
    return oh


if __name__ == '__main__':
    lib = np.load('../data/MNIST.npz')
    X = lib['X_train'].reshape((lib['X_train'].shape[0], -1))
    Y = one_hot(lib['Y_train'], 10)
    lam = 0.09

    x = tf.placeholder(tf.float32, (None, X.shape[1]))
    y = tf.placeholder(tf.float32, (None, 10))
    a1 = l2_reg_create_layer(x, 256, tf.nn.tanh, lam)
    a2 = l2_reg_create_layer(a1, 256, tf.nn.tanh, lam)
    y_pred = l2_reg_create_layer(a2, 10, None, lam)

    cost = tf.losses.softmax_cross_entropy(y, y_pred)
    l2_cost = l2_reg_cost(cost)
    train_op = tf.train.AdamOptimizer(0.001, 0.9, 0.999, 1e-8).minimize(l2_cost)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(20):
            perm = np.random.permutation(X.shape[0])
            for i in range(0, X.shape[0], 32):
                idx = perm[i:i + 32]
                sess.run(train_op, feed_dict={x: X[idx], y: Y[idx]})
            print(epoch, sess.run(l2_cost, feed_dict={x: X[:1000], y: Y[:1000]}))
