# Idiom seen in: macoyulloa/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-l2_reg_create_layer.py
# What it reproduces: the course helper l2_reg_create_layer (tf.layers.Dense with kernel_regularizer=l2_regularizer(lambtha));
#   a realistic mistake: the training script builds the net from it but minimizes the plain softmax cross entropy and never
#   calls l2_reg_cost, so REGULARIZATION_LOSSES never reach the loss (WD102 on the keyword).
"""Trains a 3 layer MNIST classifier with L2 regularized hidden layers"""
import numpy as np
import tensorflow as tf

l2_reg_create_layer = __import__('3-l2_reg_create_layer').l2_reg_create_layer


def one_hot(Y, classes):
    """one-hot encodes a vector of labels"""
    m = Y.shape[0]
    oh = np.zeros((m, classes))
    oh[np.arange(m), Y] = 1
    return oh


def train(X_train, Y_train, X_valid, Y_valid, lambtha=0.01, alpha=0.1,
          iterations=1000, save_path='/tmp/model.ckpt'):
    """builds, trains and saves the model"""
    nx = X_train.shape[1]
    classes = Y_train.shape[1]
    x = tf.placeholder(tf.float32, shape=(None, nx), name='x')
    y = tf.placeholder(tf.float32, shape=(None, classes), name='y')

    a1 = l2_reg_create_layer(x, 256, tf.nn.tanh, lambtha)
    a2 = l2_reg_create_layer(a1, 256, tf.nn.tanh, lambtha)
    y_pred = tf.layers.Dense(units=classes, activation=None, name='layer')(a2)

    cost = tf.losses.softmax_cross_entropy(y, y_pred)
    accuracy = tf.reduce_mean(tf.cast(
        tf.equal(tf.argmax(y, 1), tf.argmax(y_pred, 1)), tf.float32))
    train_op = tf.train.GradientDescentOptimizer(alpha).minimize(cost)

    saver = tf.train.Saver()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for i in range(iterations + 1):
            if i % 100 == 0:
                t_cost, t_acc = sess.run([cost, accuracy],
                                         feed_dict={x: X_train, y: Y_train})
                v_cost, v_acc = sess.run([cost, accuracy],
                                         feed_dict={x: X_valid, y: Y_valid})
                print('After {} iterations:'.format(i))
                print('\tTraining Cost: {}  Accuracy: {}'.format(t_cost, t_acc))
                print('\tValidation Cost: {}  Accuracy: {}'.format(v_cost, v_acc))
            if i < iterations:
                sess.run(train_op, feed_dict={x: X_train, y: Y_train})
        return saver.save(sess, save_path)


if __name__ == '__main__':
    lib = np.load('../data/MNIST.npz')
    X_train = lib['X_train'].reshape((lib['X_train'].shape[0], -1))
    Y_train = one_hot(lib['Y_train'], 10)
    X_valid = lib['X_valid'].reshape((lib['X_valid'].shape[0], -1))
    Y_valid = one_hot(lib['Y_valid'], 10)
    print('Model saved in path: {}'.format(
        train(X_train, Y_train, X_valid, Y_valid)))
