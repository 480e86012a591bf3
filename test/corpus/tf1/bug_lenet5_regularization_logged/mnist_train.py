# Idiom seen in: dogwaves/LE-NET5 mnist_train.py
# What it reproduces: the repo computes `regularization = tf.add_n(tf.get_collection('losses'))` in a
# name_scope and adds it to the loss; here (injected, the repo was correct) the user left the sum only in a summary
# and the optimizer minimizes the bare cross entropy, so the regularizer terms train nothing.
from __future__ import print_function
import os
import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

import mnist_inference

BATCH_SIZE = 100
LEARNING_RATE_BASE = 0.01
LEARNING_RATE_DECAY = 0.99
REGULARIZATION_RATE = 0.0001
TRAINING_STEPS = 30000
CKPT_PATH = "/tmp/lenet5_ckpt/"
CKPT_NAME = "model.ckpt"


def train(mnist):
    with tf.name_scope("input"):
        x = tf.placeholder(tf.float32, [BATCH_SIZE, mnist_inference.IMAGE_SIZE,
                                        mnist_inference.IMAGE_SIZE, mnist_inference.NUM_CHANNELS],
                           name='x-input')
        y_ = tf.placeholder(tf.float32, [BATCH_SIZE, mnist_inference.OUTPUT_NODE], name='y-output')

    regularizer = tf.contrib.layers.l2_regularizer(REGULARIZATION_RATE)
    y = mnist_inference.inference(x, True, regularizer)
    global_step = tf.Variable(0, trainable=False)

    with tf.name_scope("loss_function"):
        cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=y, labels=tf.argmax(y_, 1))
        cross_entropy_mean = tf.reduce_mean(cross_entropy)
        regularization = tf.add_n(tf.get_collection('losses'))  # expect: WD105
        tf.summary.scalar('regularization', regularization)
        loss = cross_entropy_mean

    with tf.name_scope("train_step"):
        learning_rate = tf.train.exponential_decay(LEARNING_RATE_BASE, global_step,
                                                   mnist.train.num_examples / BATCH_SIZE,
                                                   LEARNING_RATE_DECAY)
        train_op = tf.train.GradientDescentOptimizer(learning_rate).minimize(loss, global_step=global_step)

    merged = tf.summary.merge_all()
    saver = tf.train.Saver()
    with tf.Session() as sess:
        tf.global_variables_initializer().run()
        writer = tf.summary.FileWriter("/tmp/lenet5_log", sess.graph)
        for i in range(TRAINING_STEPS):
            xs, ys = mnist.train.next_batch(BATCH_SIZE)
            xs = np.reshape(xs, (BATCH_SIZE, mnist_inference.IMAGE_SIZE,
                                 mnist_inference.IMAGE_SIZE, mnist_inference.NUM_CHANNELS))
            summary, _, loss_value, step = sess.run([merged, train_op, loss, global_step],
                                                    feed_dict={x: xs, y_: ys})
            writer.add_summary(summary, step)
            if i % 1000 == 0:
                print("After %d training steps, loss is %g." % (step, loss_value))
                saver.save(sess, os.path.join(CKPT_PATH, CKPT_NAME), global_step=global_step)
        writer.close()


def main(argv=None):
    mnist = input_data.read_data_sets("/tmp/MNIST_data/", one_hot=True)
    train(mnist)


if __name__ == '__main__':
    tf.app.run()
