# Idiom seen in: JohnCook17/holbertonschool-machine_learning supervised_learning/0x05-regularization/2-l2_reg_cost.py
# Idiom seen in: JohnCook17/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-l2_reg_create_layer.py
# What it reproduces: TF1 course modules loaded with __import__: tf.layers.Dense built with
#   kernel_regularizer=l2_regularizer(lambtha), l2_reg_cost(cost) = add_n([cost] +
#   tf.losses.get_regularization_losses()), and a script minimizing that l2 cost with SGD: clean.
import numpy as np
import tensorflow as tf

l2_reg_cost = __import__('2-l2_reg_cost').l2_reg_cost
l2_reg_create_layer = __import__('3-l2_reg_create_layer').l2_reg_create_layer


def one_hot(Y, classes):
    oh = np.zeros((Y.shape[0], classes))
    oh[np.arange(Y.shape[0]), Y] = 1
    return oh


if __name__ == '__main__':
    lib = np.load('../data/MNIST.npz')
    X_train = lib['X_train'].reshape((lib['X_train'].shape[0], -1))
    Y_train = one_hot(lib['Y_train'], 10)

    tf.set_random_seed(0)
    x = tf.placeholder(tf.float32, shape=[None, 784])
    y = tf.placeholder(tf.float32, shape=[None, 10])
    h1 = l2_reg_create_layer(x, 256, tf.nn.tanh, 0.05)
    h2 = l2_reg_create_layer(h1, 256, tf.nn.tanh, 0.05)
    y_pred = l2_reg_create_layer(h2, 10, None, 0.)
    cost = tf.losses.softmax_cross_entropy(y, y_pred)
    l2_cost = l2_reg_cost(cost)
    train_op = tf.train.GradientDescentOptimizer(0.05).minimize(l2_cost)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for i in range(1000):
            idx = np.random.choice(X_train.shape[0], 32, replace=False)
            _, c = sess.run([train_op, l2_cost], feed_dict={x: X_train[idx], y: Y_train[idx]})
            if i % 100 == 0:
                print("step {}: cost {}".format(i, c))
