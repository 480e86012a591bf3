# Idiom seen in: paurbano/holbertonschool-machine_learning supervised_learning/0x05-regularization/2-l2_reg_cost.py
# Idiom seen in: paurbano/holbertonschool-machine_learning supervised_learning/0x05-regularization/3-l2_reg_create_layer.py
# What it reproduces: the course pair l2_reg_cost (cost + tf.losses.get_regularization_losses()) and l2_reg_create_layer
#   (kernel_regularizer=l2_regularizer); the training script minimizes l2_reg_cost(cost), so the layer decay is trained: clean.
"""Trains an MNIST classifier with L2 regularization"""
import numpy as np
import tensorflow as tf

l2_reg_cost = __import__('2-l2_reg_cost').l2_reg_cost
l2_reg_create_layer = __import__('3-l2_reg_create_layer').l2_reg_create_layer


def one_hot(Y, classes):
    """one-hot encodes a vector of labels"""
    oh = np.zeros((Y.shape[0], classes))
    oh[np.arange(Y.shape[0]), Y] = 1
    return oh


def train(X_train, Y_train, lambtha=0.01, alpha=0.05, iterations=1000,
          save_path='/tmp/l2_model.ckpt'):
    """trains a 2 hidden layer network with L2 on the hidden kernels"""
    x = tf.placeholder(tf.float32, shape=(None, X_train.shape[1]), name='x')
    y = tf.placeholder(tf.float32, shape=(None, Y_train.shape[1]), name='y')

    a = l2_reg_create_layer(x, 256, tf.nn.tanh, lambtha)
    a = l2_reg_create_layer(a, 256, tf.nn.tanh, lambtha)
    y_pred = tf.layers.Dense(units=Y_train.shape[1], name='output')(a)

    cost = tf.losses.softmax_cross_entropy(y, y_pred)
    l2_cost = l2_reg_cost(cost)
    train_op = tf.train.GradientDescentOptimizer(alpha).minimize(l2_cost)

    saver = tf.train.Saver()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for i in range(iterations):
            _, c = sess.run([train_op, cost], feed_dict={x: X_train, y: Y_train})
            if i % 100 == 0:
                print('step {}: cost {}'.format(i, c))
        return saver.save(sess, save_path)


if __name__ == '__main__':
    lib = np.load('../data/MNIST.npz')
    X = lib['X_train'].reshape((lib['X_train'].shape[0], -1))
    Y = one_hot(lib['Y_train'], 10)
    print(train(X, Y))
