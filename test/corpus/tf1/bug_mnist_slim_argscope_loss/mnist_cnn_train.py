# Idiom seen in: hwalsuklee/tensorflow-mnist-cnn mnist_cnn_train.py
# Idiom seen in: hwalsuklee/tensorflow-mnist-cnn cnn_model.py
# What it reproduces: the training script: loss = slim.losses.softmax_cross_entropy(y, y_) and
#   AdamOptimizer(...).minimize(loss); the l2 terms of the arg_scope regularizer never reach the loss.
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import numpy
import tensorflow as tf
import tensorflow.contrib.slim as slim

import mnist_data
import cnn_model

MODEL_DIRECTORY = 'model/model.ckpt'
LOGS_DIRECTORY = 'logs/train'

training_epochs = 10
TRAIN_BATCH_SIZE = 50
WEIGHT_DECAY = 5e-4
display_step = 100
validation_step = 500


def train():
    batch_size = TRAIN_BATCH_SIZE
    num_labels = mnist_data.NUM_LABELS
    train_total_data, train_size, validation_data, validation_labels, test_data, test_labels = \
        mnist_data.prepare_MNIST_data(True)

    is_training = tf.placeholder(tf.bool, name='MODE')
    x = tf.placeholder(tf.float32, [None, 784])
    y_ = tf.placeholder(tf.float32, [None, 10])

    y = cnn_model.CNN(x, is_training=is_training, weight_decay=WEIGHT_DECAY)

    with tf.name_scope('LOSS'):
        loss = slim.losses.softmax_cross_entropy(y, y_)
    tf.summary.scalar('loss', loss)

    with tf.name_scope('ADAM'):
        batch = tf.Variable(0)
        learning_rate = tf.train.exponential_decay(
            1e-4, batch * batch_size, train_size, 0.95, staircase=True)
        train_step = tf.train.AdamOptimizer(learning_rate).minimize(loss, global_step=batch)

    with tf.name_scope('ACC'):
        correct_prediction = tf.equal(tf.argmax(y, 1), tf.argmax(y_, 1))
        accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))

    merged_summary_op = tf.summary.merge_all()
    saver = tf.train.Saver()
    sess = tf.InteractiveSession()
    sess.run(tf.global_variables_initializer(), feed_dict={is_training: True})
    summary_writer = tf.summary.FileWriter(LOGS_DIRECTORY, graph=tf.get_default_graph())

    total_batch = int(train_size / batch_size)
    max_acc = 0.
    for epoch in range(training_epochs):
        numpy.random.shuffle(train_total_data)
        train_data_ = train_total_data[:, :-num_labels]
        train_labels_ = train_total_data[:, -num_labels:]
        for i in range(total_batch):
            offset = (i * batch_size) % train_size
            batch_xs = train_data_[offset:(offset + batch_size), :]
            batch_ys = train_labels_[offset:(offset + batch_size), :]
            _, train_accuracy, summary = sess.run([train_step, accuracy, merged_summary_op],
                                                  feed_dict={x: batch_xs, y_: batch_ys, is_training: True})
            summary_writer.add_summary(summary, epoch * total_batch + i)
            if i % validation_step == 0:
                validation_accuracy = sess.run(accuracy, feed_dict={
                    x: validation_data, y_: validation_labels, is_training: False})
                print('Epoch: %04d, validation accuracy %.5f' % (epoch + 1, validation_accuracy))
                if validation_accuracy > max_acc:
                    max_acc = validation_accuracy
                    saver.save(sess, MODEL_DIRECTORY)


if __name__ == '__main__':
    train()
