# Idiom seen in: JenifferWuUCLA/pulmonary-nodules-MaskRCNN Github-Codes/GDLnotes/src/neural/nn_overfit.py
# What it reproduces: notMNIST overfitting exercise (Udacity deep-learning notes): a hand-written
#   l2_loss = sum(tf.nn.l2_loss(...)) switched by the `regular` argument (`if not regular: l2_loss = 0`) and added as
#   beta * l2_loss to the loss that plain SGD(0.5) minimizes; one call enables it, lr*beta = 0.001 (clean).
from __future__ import print_function

import numpy as np
import tensorflow as tf

from neural.full_connect import load_reformat_not_mnist, accuracy


def tf_better_nn(offset_range=-1, regular=False, drop_out=False, lrd=False):
    batch_size = 128
    graph = tf.Graph()
    with graph.as_default():
        tf_train_dataset = tf.placeholder(tf.float32, shape=(batch_size, image_size * image_size))
        tf_train_labels = tf.placeholder(tf.float32, shape=(batch_size, num_labels))
        tf_valid_dataset = tf.constant(valid_dataset)

        hidden_node_count = 1024
        weights1 = tf.Variable(tf.truncated_normal([image_size * image_size, hidden_node_count]))
        biases1 = tf.Variable(tf.zeros([hidden_node_count]))
        weights2 = tf.Variable(tf.truncated_normal([hidden_node_count, num_labels]))
        biases2 = tf.Variable(tf.zeros([num_labels]))

        hidden = tf.nn.relu(tf.matmul(tf_train_dataset, weights1) + biases1)
        h_fc = hidden
        keep_prob = tf.placeholder(tf.float32)
        if drop_out:
            h_fc = tf.nn.dropout(hidden, keep_prob)
        logits = tf.matmul(h_fc, weights2) + biases2
        logits_predict = tf.matmul(hidden, weights2) + biases2
        valid_predict = tf.matmul(tf.nn.relu(tf.matmul(tf_valid_dataset, weights1) + biases1), weights2) + biases2

        l2_loss = tf.nn.l2_loss(weights1) + tf.nn.l2_loss(biases1) + tf.nn.l2_loss(weights2) + tf.nn.l2_loss(biases2)
        if not regular:
            l2_loss = 0
        beta = 0.002
        loss = tf.reduce_mean(
            tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=tf_train_labels)) + beta * l2_loss

        optimizer = tf.train.GradientDescentOptimizer(0.5).minimize(loss)
        if lrd:
            cur_step = tf.Variable(0)
            learning_rate = tf.train.exponential_decay(0.1, cur_step, 10000, 0.96, staircase=True)
            optimizer = tf.train.GradientDescentOptimizer(learning_rate).minimize(loss, global_step=cur_step)

        train_prediction = tf.nn.softmax(logits_predict)
        valid_prediction = tf.nn.softmax(valid_predict)

    num_steps = 30001
    with tf.Session(graph=graph) as session:
        tf.global_variables_initializer().run()
        for step in range(num_steps):
            if offset_range == -1:
                offset_range = train_labels.shape[0] - batch_size
            offset = (step * batch_size) % offset_range
            batch_data = train_dataset[offset:(offset + batch_size), :]
            batch_labels = train_labels[offset:(offset + batch_size), :]
            feed_dict = {tf_train_dataset: batch_data, tf_train_labels: batch_labels, keep_prob: 0.5}
            _, l, predictions = session.run([optimizer, loss, train_prediction], feed_dict=feed_dict)
            if step % 500 == 0:
                print("Minibatch loss at step %d: %f" % (step, l))
                print("Minibatch accuracy: %.1f%%" % accuracy(predictions, batch_labels))
                print("Validation accuracy: %.1f%%" % accuracy(valid_prediction.eval(), valid_labels))


if __name__ == '__main__':
    image_size = 28
    num_labels = 10
    train_dataset, train_labels, valid_dataset, valid_labels, test_dataset, test_labels = \
        load_reformat_not_mnist(image_size, num_labels)
    tf_better_nn(regular=True)
    tf_better_nn(offset_range=1000)
    tf_better_nn(offset_range=1000, drop_out=True, regular=True)
