# Idiom seen in: Ckend/spam_detection text_cnn.py
# Idiom seen in: Ckend/spam_detection train.py
# What it reproduces: a character TextCNN whose output layer adds l2_regularizer(l2_reg_lambda)(W) to 'losses' under
#   "if l2_reg_lambda:", puts the cross entropy in the same collection and trains on tf.add_n(get_collection('losses'))
#   through compute_gradients; the flag's default 0.0 is only a default, so nothing is dead: clean.
import datetime
import os
import time

import numpy as np
import tensorflow as tf
from tensorflow.contrib import learn

import data_helpers

flags = tf.flags
flags.DEFINE_string('data_files', './data/normal.txt,./data/spam.txt', 'Comma-separated data files')
flags.DEFINE_float('dev_sample_percentage', 0.1, 'Share of the data used for validation')
flags.DEFINE_integer('embedding_dim', 128, 'Character embedding size')
flags.DEFINE_string('filter_sizes', '3,4,5', 'Comma-separated filter sizes')
flags.DEFINE_integer('num_filters', 128, 'Filters per filter size')
flags.DEFINE_float('dropout_keep_prob', 0.5, 'Dropout keep probability')
flags.DEFINE_float('l2_reg_lambda', 0.0, 'L2 regularization lambda (default: 0.0)')
flags.DEFINE_integer('batch_size', 64, 'Batch size')
flags.DEFINE_integer('num_epochs', 10, 'Number of epochs')
FLAGS = flags.FLAGS


class TextCNN(object):
    """embedding -> conv/max-pool per filter size -> dropout -> softmax"""

    def __init__(self, sequence_length, num_classes, vocab_size, embedding_size,
                 filter_sizes, num_filters, l2_reg_lambda=0.0):
        self.input_x = tf.placeholder(tf.int32, [None, sequence_length], name='input_x')
        self.input_y = tf.placeholder(tf.float32, [None, num_classes], name='input_y')
        self.dropout_keep_prob = tf.placeholder(tf.float32, name='dropout_keep_prob')

        with tf.name_scope('embedding'):
            self.W = tf.Variable(tf.random_uniform([vocab_size, embedding_size], -1.0, 1.0), name='W')
            embedded = tf.expand_dims(tf.nn.embedding_lookup(self.W, self.input_x), -1)

        pooled_outputs = []
        for filter_size in filter_sizes:
            with tf.name_scope('conv-maxpool-%s' % filter_size):
                W = tf.Variable(tf.truncated_normal([filter_size, embedding_size, 1, num_filters],
                                                    stddev=0.1), name='W')
                b = tf.Variable(tf.constant(0.1, shape=[num_filters]), name='b')
                conv = tf.nn.conv2d(embedded, W, strides=[1, 1, 1, 1], padding='VALID')
                h = tf.nn.relu(tf.nn.bias_add(conv, b))
                pooled_outputs.append(tf.nn.max_pool(
                    h, ksize=[1, sequence_length - filter_size + 1, 1, 1],
                    strides=[1, 1, 1, 1], padding='VALID'))

        num_filters_total = num_filters * len(filter_sizes)
        h_pool_flat = tf.reshape(tf.concat(pooled_outputs, 3), [-1, num_filters_total])
        h_drop = tf.nn.dropout(h_pool_flat, self.dropout_keep_prob)

        with tf.name_scope('output'):
            W = tf.Variable(tf.truncated_normal([num_filters_total, num_classes], stddev=0.1), name='W')
            b = tf.Variable(tf.constant(0.1, shape=[num_classes]), name='b')
            if l2_reg_lambda:
                W_l2_loss = tf.contrib.layers.l2_regularizer(l2_reg_lambda)(W)
                tf.add_to_collection('losses', W_l2_loss)
            self.scores = tf.nn.xw_plus_b(h_drop, W, b, name='scores')
            self.predictions = tf.argmax(self.scores, 1, name='predictions')

        with tf.name_scope('loss'):
            xent = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(
                logits=self.scores, labels=self.input_y))
            tf.add_to_collection('losses', xent)
            self.loss = tf.add_n(tf.get_collection('losses'))

        with tf.name_scope('accuracy'):
            correct = tf.equal(self.predictions, tf.argmax(self.input_y, 1))
            self.accuracy = tf.reduce_mean(tf.cast(correct, 'float'), name='accuracy')


def main(_):
    x_text, y = data_helpers.load_data_and_labels(FLAGS.data_files)
    max_document_length = max(len(x.split(' ')) for x in x_text)
    vocab_processor = learn.preprocessing.VocabularyProcessor(max_document_length)
    x = np.array(list(vocab_processor.fit_transform(x_text)))

    np.random.seed(10)
    idx = np.random.permutation(np.arange(len(y)))
    x, y = x[idx], y[idx]
    dev = -1 * int(FLAGS.dev_sample_percentage * float(len(y)))
    x_train, x_dev, y_train, y_dev = x[:dev], x[dev:], y[:dev], y[dev:]

    with tf.Graph().as_default():
        sess = tf.Session()
        with sess.as_default():
            cnn = TextCNN(sequence_length=x_train.shape[1],
                          num_classes=y_train.shape[1],
                          vocab_size=len(vocab_processor.vocabulary_),
                          embedding_size=FLAGS.embedding_dim,
                          filter_sizes=list(map(int, FLAGS.filter_sizes.split(','))),
                          num_filters=FLAGS.num_filters,
                          l2_reg_lambda=FLAGS.l2_reg_lambda)
            global_step = tf.Variable(0, name='global_step', trainable=False)
            optimizer = tf.train.AdamOptimizer(1e-3)
            grads_and_vars = optimizer.compute_gradients(cnn.loss)
            train_op = optimizer.apply_gradients(grads_and_vars, global_step=global_step)

            out_dir = os.path.abspath(os.path.join(os.path.curdir, 'runs', str(int(time.time()))))
            saver = tf.train.Saver(tf.global_variables(), max_to_keep=5)
            sess.run(tf.global_variables_initializer())

            batches = data_helpers.batch_iter(list(zip(x_train, y_train)),
                                              FLAGS.batch_size, FLAGS.num_epochs)
            for batch in batches:
                x_batch, y_batch = zip(*batch)
                _, step, loss, acc = sess.run(
                    [train_op, global_step, cnn.loss, cnn.accuracy],
                    {cnn.input_x: x_batch, cnn.input_y: y_batch,
                     cnn.dropout_keep_prob: FLAGS.dropout_keep_prob})
                print('{}: step {}, loss {:g}, acc {:g}'.format(
                    datetime.datetime.now().isoformat(), step, loss, acc))
                if step % 100 == 0:
                    dev_acc = sess.run(cnn.accuracy, {cnn.input_x: x_dev, cnn.input_y: y_dev,
                                                      cnn.dropout_keep_prob: 1.0})
                    print('dev acc {:g}'.format(dev_acc))
                    saver.save(sess, os.path.join(out_dir, 'model'), global_step=step)


if __name__ == '__main__':
    tf.app.run()
