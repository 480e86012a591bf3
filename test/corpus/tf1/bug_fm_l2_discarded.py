# Idiom seen in: gdtydm/FM-FFM FM/FM_TF.py
# What it reproduces: the single-file FM in a Session loop with an L2 term on the embedding factors and the
# linear weights that is computed and only logged (summary + printed fetch); AdamOptimizer minimizes the bare
# cross entropy, so the decay term is dropped (injected; the repo had no penalty at all).
import numpy as np
import tensorflow as tf
from sklearn.metrics import accuracy_score

from util import dataGenerate

REG_LAMBDA = 5e-4


def Model(xtrain, ytrain, steps=1000, learning_rate=0.01, K=3, log_dir='/tmp/fm_logs'):
    n = xtrain.shape[1]
    X = tf.placeholder(tf.float32, shape=[None, n], name="X")
    y = tf.placeholder(tf.float32, shape=[None, 1], name="y")
    V = tf.get_variable("v", shape=[n, K], initializer=tf.truncated_normal_initializer(stddev=0.3))
    W = tf.get_variable("Weights", shape=[n, 1], initializer=tf.truncated_normal_initializer(stddev=0.3))
    b = tf.get_variable("Biases", shape=[1, 1], initializer=tf.zeros_initializer())

    fm_hat = tf.reduce_sum(tf.square(tf.matmul(X, V)) - tf.matmul(tf.square(X), tf.square(V)),
                           axis=1, keep_dims=True) / 2
    logits = tf.matmul(X, W) + b + fm_hat
    loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=logits))
    l2_term = REG_LAMBDA * (tf.nn.l2_loss(W) + tf.nn.l2_loss(V))  # expect: WD104
    tf.summary.scalar('loss', loss)
    tf.summary.scalar('l2_term', l2_term)
    merged = tf.summary.merge_all()

    y_hat = tf.nn.sigmoid(logits)
    train_op = tf.train.AdamOptimizer(learning_rate).minimize(loss)

    with tf.Session() as sess:
        writer = tf.summary.FileWriter(log_dir, sess.graph)
        sess.run(tf.global_variables_initializer())
        for i in range(steps):
            summary, loss_, reg_, _, y_h = sess.run([merged, loss, l2_term, train_op, y_hat],
                                                   feed_dict={X: xtrain, y: ytrain})
            writer.add_summary(summary, i)
            if i % 100 == 0:
                acc = accuracy_score(ytrain.reshape(-1), np.where(y_h.reshape(-1) >= 0.5, 1, 0))
                print("step %d acc %.4f loss %.4f l2 %.4f" % (i, acc, loss_, reg_))


if __name__ == "__main__":
    x_train, y_train, _ = dataGenerate()
    Model(x_train, y_train)
