# Idiom seen in: gdtydm/FM-FFM FM/FM_TF.py
# What it reproduces: the single-file FM trained with AdamOptimizer in a Session loop, with a hand-written L2
# penalty on the linear weights and the factor matrix. Injected sign slip: the penalty is subtracted from the
# loss, so minimizing it grows the weights (negative weight decay).
import numpy as np
import tensorflow as tf
from sklearn.metrics import accuracy_score

from util import dataGenerate

L2_W = 1e-3
L2_V = 1e-3


def Model(xtrain, ytrain, steps=1000, learning_rate=0.01, K=3, display_information=100, seed=0):
    tf.set_random_seed(seed)
    n = xtrain.shape[1]
    X = tf.placeholder(tf.float32, shape=[None, n], name="X")
    y = tf.placeholder(tf.float32, shape=[None, 1], name="y")
    V = tf.get_variable("v", shape=[n, K], initializer=tf.truncated_normal_initializer(stddev=0.3))
    W = tf.get_variable("Weights", shape=[n, 1], initializer=tf.truncated_normal_initializer(stddev=0.3))
    b = tf.get_variable("Biases", shape=[1, 1], initializer=tf.zeros_initializer())

    logits = tf.matmul(X, W) + b
    fm_hat = tf.reduce_sum(tf.square(tf.matmul(X, V)) - tf.matmul(tf.multiply(X, X), tf.multiply(V, V)),
                           axis=1, keep_dims=True) / 2
    logits = logits + fm_hat
    xent = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=logits))
    loss = xent - (L2_W * tf.nn.l2_loss(W) + L2_V * tf.nn.l2_loss(V))  # expect: WD302

    y_hat = tf.nn.sigmoid(logits)
    optimizer = tf.train.AdamOptimizer(learning_rate).minimize(loss)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for i in range(steps):
            loss_, _, y_h = sess.run([loss, optimizer, y_hat], feed_dict={X: xtrain, y: ytrain})
            if i % display_information == 0:
                acc = accuracy_score(ytrain.reshape(-1,), np.where(np.array(y_h).reshape(-1,) >= 0.5, 1, 0))
                print("Train accuracy is %.6f loss is %.6f" % (acc, loss_))


if __name__ == "__main__":
    x_train, y_train, field_dict = dataGenerate()
    Model(x_train, y_train, 1000, 0.01)
