# Idiom seen in: svelezg/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-main.py
# What it reproduces: course-style script: layers from 3-l2_reg_create_layer, l2_cost from
#   2-l2_reg_cost, but create_train_op() is given `cost`, so the L2 cost is only printed.
import numpy as np
import tensorflow as tf

l2_reg_cost = __import__('2-l2_reg_cost').l2_reg_cost
l2_reg_create_layer = __import__('3-l2_reg_create_layer').l2_reg_create_layer
create_train_op = __import__('5-create_train_op').create_train_op


def one_hot(Y, classes):
    """convert an array to a one-hot matrix"""
    m = Y.shape[0]
    oh = np.zeros((m, classes))
    oh[np.arange(m), Y] = 1
    return oh


if __name__ == '__main__':
    lib = np.load('../data/MNIST.npz')
    X_train = lib['X_train'].reshape((lib['X_train'].shape[0], -1))
    Y_train_oh = one_hot(lib['Y_train'], 10)

    tf.set_random_seed(0)
    x = tf.placeholder(tf.float32, shape=[None, 784])
    y = tf.placeholder(tf.float32, shape=[None, 10])
    with tf.variable_scope('h1'):
        h1 = l2_reg_create_layer(x, 256, tf.nn.tanh, 0.01)
    with tf.variable_scope('h2'):
        h2 = l2_reg_create_layer(h1, 256, tf.nn.tanh, 0.01)
    with tf.variable_scope('out'):
        y_pred = l2_reg_create_layer(h2, 10, None, 0.01)
    cost = tf.losses.softmax_cross_entropy(y, y_pred)
    l2_cost = l2_reg_cost(cost)
    train_op = create_train_op(cost, 0.05)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(50):
            for i in range(0, X_train.shape[0], 32):
                sess.run(train_op, feed_dict={x: X_train[i:i + 32], y: Y_train_oh[i:i + 32]})
            print(epoch, sess.run(l2_cost, feed_dict={x: X_train, y: Y_train_oh}))
