#!/usr/bin/env python3
# Idiom seen in: Kenneth-ca/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-l2_reg_create_layer.py
# Idiom seen in: Kenneth-ca/holbertonschool-machine_learning supervised_learning/0x05-regularization/2-l2_reg_cost.py
# Idiom seen in: Kenneth-ca/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-main.py
# What it reproduces: the layer builder sets kernel_regularizer=l2_regularizer(lambtha), but the training script
# minimizes the bare softmax cross-entropy; the l2_reg_cost helper that would add the losses is never called.
import numpy as np
import tensorflow as tf

l2_reg_create_layer = __import__('3-l2_reg_create_layer').l2_reg_create_layer


def one_hot(Y, classes):
    """convert an array to a one-hot matrix"""
    m = Y.shape[0]
    one_hot = np.zeros((m, classes))
    one_hot[np.arange(m), Y] = 1
    return one_hot


if __name__ == '__main__':
    lib = np.load('../data/MNIST.npz')
    X_train = lib['X_train'].reshape((-1, 784))
    Y_train = one_hot(lib['Y_train'], 10)

    tf.set_random_seed(0)
    x = tf.placeholder(tf.float32, shape=(None, 784))
    y = tf.placeholder(tf.float32, shape=(None, 10))
    a1 = l2_reg_create_layer(x, 256, tf.nn.tanh, 0.05)
    a2 = l2_reg_create_layer(a1, 256, tf.nn.tanh, 0.05)
    y_pred = l2_reg_create_layer(a2, 10, None, 0.)
    cost = tf.losses.softmax_cross_entropy(y, y_pred)
    train_op = tf.train.GradientDescentOptimizer(0.05).minimize(cost)

    init = tf.global_variables_initializer()
    with tf.Session() as sess:
        sess.run(init)
        for i in range(1000):
            _, c = sess.run((train_op, cost), feed_dict={x: X_train, y: Y_train})
            if i % 100 == 0:
                print('Cost after {} iterations: {}'.format(i, c))
