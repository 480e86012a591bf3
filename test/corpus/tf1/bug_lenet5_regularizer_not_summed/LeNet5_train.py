# Idiom seen in: caicloud/tensorflow-tutorial Deep_Learning_with_TensorFlow/1.0.0/Chapter05/5. MNIST最佳实践/mnist_train.py
# What it reproduces: the book's training script adapted to LeNet-5, still creating and passing
# the l2_regularizer, but with `loss = cross_entropy_mean` (the "+ tf.add_n(tf.get_collection('losses'))"
# was dropped), so the regularizer terms never reach the minimized loss.
import os

import numpy as np
import tensorflow as tf
from tensorflow.examples.tutorials.mnist import input_data

import LeNet5_inference

BATCH_SIZE = 100
LEARNING_RATE_BASE = 0.01
LEARNING_RATE_DECAY = 0.99
REGULARIZATION_RATE = 0.0001
TRAINING_STEPS = 6000
MODEL_SAVE_PATH = "LeNet5_model/"
MODEL_NAME = "lenet5_model"


def train(mnist):
    x = tf.placeholder(tf.float32, [BATCH_SIZE, LeNet5_inference.IMAGE_SIZE,
                                    LeNet5_inference.IMAGE_SIZE, LeNet5_inference.NUM_CHANNELS],
                       name='x-input')
    y_ = tf.placeholder(tf.float32, [None, LeNet5_inference.NUM_LABELS], name='y-input')

    regularizer = tf.contrib.layers.l2_regularizer(REGULARIZATION_RATE)
    y = LeNet5_inference.inference(x, True, regularizer)
    global_step = tf.Variable(0, trainable=False)

    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=y, labels=tf.argmax(y_, 1))
    cross_entropy_mean = tf.reduce_mean(cross_entropy)
    loss = cross_entropy_mean
    learning_rate = tf.train.exponential_decay(
        LEARNING_RATE_BASE, global_step, mnist.train.num_examples / BATCH_SIZE,
        LEARNING_RATE_DECAY, staircase=True)
    train_op = tf.train.GradientDescentOptimizer(learning_rate).minimize(loss, global_step=global_step)

    saver = tf.train.Saver()
    with tf.Session() as sess:
        tf.global_variables_initializer().run()
        for i in range(TRAINING_STEPS):
            xs, ys = mnist.train.next_batch(BATCH_SIZE)
            reshaped_xs = np.reshape(xs, (BATCH_SIZE, LeNet5_inference.IMAGE_SIZE,
                                          LeNet5_inference.IMAGE_SIZE, LeNet5_inference.NUM_CHANNELS))
            _, loss_value, step = sess.run([train_op, loss, global_step],
                                           feed_dict={x: reshaped_xs, y_: ys})
            if i % 1000 == 0:
                print("After %d training step(s), loss on training batch is %g." % (step, loss_value))
                saver.save(sess, os.path.join(MODEL_SAVE_PATH, MODEL_NAME), global_step=global_step)


def main(argv=None):
    mnist = input_data.read_data_sets("/tmp/MNIST_data", one_hot=True)
    train(mnist)


if __name__ == '__main__':
    tf.app.run()
