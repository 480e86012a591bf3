# Idiom seen in: gdtydm/FM-FFM FM/FM_TF.py
# What it reproduces: the single-file factorization machine (placeholders, tf.get_variable, AdamOptimizer in a
# Session loop); here the factor matrix and linear weights get regularizer= on tf.get_variable and the loss
# adds tf.losses.get_regularization_loss() before minimize. Clean.
import argparse

import numpy as np
import tensorflow as tf
from sklearn.metrics import accuracy_score

from util import dataGenerate


def build_fm(n, K, l2_scale):
    reg = tf.contrib.layers.l2_regularizer(l2_scale)
    X = tf.placeholder(tf.float32, shape=[None, n], name="X")
    y = tf.placeholder(tf.float32, shape=[None, 1], name="y")
    V = tf.get_variable("v", shape=[n, K], initializer=tf.truncated_normal_initializer(stddev=0.3),
                        regularizer=reg)
    W = tf.get_variable("Weights", shape=[n, 1], initializer=tf.truncated_normal_initializer(stddev=0.3),
                        regularizer=reg)
    b = tf.get_variable("Biases", shape=[1, 1], initializer=tf.zeros_initializer())
    linear = tf.matmul(X, W) + b
    pair = tf.reduce_sum(tf.square(tf.matmul(X, V)) - tf.matmul(tf.square(X), tf.square(V)),
                         axis=1, keep_dims=True) / 2
    logits = linear + pair
    return X, y, logits


def run(xtrain, ytrain, steps, learning_rate, K, l2_scale):
    X, y, logits = build_fm(xtrain.shape[1], K, l2_scale)
    data_loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=logits))
    loss = data_loss + tf.losses.get_regularization_loss()
    y_hat = tf.nn.sigmoid(logits)
    train_op = tf.train.AdamOptimizer(learning_rate).minimize(loss)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for i in range(steps):
            loss_, _, y_h = sess.run([loss, train_op, y_hat], feed_dict={X: xtrain, y: ytrain})
            if i % 100 == 0:
                acc = accuracy_score(ytrain.reshape(-1), np.where(y_h.reshape(-1) >= 0.5, 1, 0))
                print("step %d accuracy %.4f loss %.4f" % (i, acc, loss_))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument('--steps', type=int, default=1000)
    parser.add_argument('--lr', type=float, default=0.01)
    parser.add_argument('--k', type=int, default=3)
    parser.add_argument('--l2', type=float, default=1e-3)
    args = parser.parse_args()
    x_train, y_train, _ = dataGenerate()
    run(x_train, y_train, args.steps, args.lr, args.k, args.l2)
