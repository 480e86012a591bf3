# Idiom seen in: roomylee/rnn-text-classification-tf rnn.py
# Idiom seen in: roomylee/rnn-text-classification-tf train.py
# What it reproduces: TextRNN whose loss is xent + l2_reg_lambda * (l2_loss(W) + l2_loss(b)) with the flag default
#   3.0 taken from the repo (Kim's max-norm 3 read as an L2 factor). The repo trains with Adam; the realistic
#   mistake here is switching to plain GradientDescentOptimizer(0.5): lr * wd = 1.5 >= 1, decay flips the weights.
import datetime
import os

import numpy as np
import tensorflow as tf

import data_helpers

tf.flags.DEFINE_string("pos_dir", "data/rt-polaritydata/rt-polarity.pos", "Path of positive data")
tf.flags.DEFINE_string("neg_dir", "data/rt-polaritydata/rt-polarity.neg", "Path of negative data")
tf.flags.DEFINE_integer("max_sentence_length", 100, "Max sentence length in train/test data")
tf.flags.DEFINE_string("cell_type", "lstm", "Type of rnn cell. Choose 'vanilla' or 'lstm' or 'gru'")
tf.flags.DEFINE_integer("embedding_dim", 300, "Dimensionality of character embedding")
tf.flags.DEFINE_integer("hidden_size", 128, "Size of LSTM hidden layer")
tf.flags.DEFINE_float("dropout_keep_prob", 0.5, "Dropout keep probability")
tf.flags.DEFINE_float("l2_reg_lambda", 3.0, "L2 regularization lambda (Default: 3.0)")  # expect: WD301
tf.flags.DEFINE_integer("batch_size", 64, "Batch Size")
tf.flags.DEFINE_integer("num_epochs", 100, "Number of training epochs")
tf.flags.DEFINE_float("learning_rate", 0.5, "Plain SGD learning rate")
FLAGS = tf.flags.FLAGS


class TextRNN:
    def __init__(self, sequence_length, num_classes, vocab_size, embedding_size,
                 cell_type, hidden_size, l2_reg_lambda=0.0):
        self.input_text = tf.placeholder(tf.int32, shape=[None, sequence_length], name='input_text')
        self.input_y = tf.placeholder(tf.float32, shape=[None, num_classes], name='input_y')
        self.dropout_keep_prob = tf.placeholder(tf.float32, name='dropout_keep_prob')

        l2_loss = tf.constant(0.0)

        with tf.device('/cpu:0'), tf.name_scope("text-embedding"):
            self.W_text = tf.Variable(tf.random_uniform([vocab_size, embedding_size], -1.0, 1.0), name="W_text")
            self.embedded_chars = tf.nn.embedding_lookup(self.W_text, self.input_text)

        with tf.name_scope("rnn"):
            cell = self._get_cell(hidden_size, cell_type)
            cell = tf.nn.rnn_cell.DropoutWrapper(cell, output_keep_prob=self.dropout_keep_prob)
            text_length = self._length(self.input_text)
            all_outputs, _ = tf.nn.dynamic_rnn(cell=cell, inputs=self.embedded_chars,
                                               sequence_length=text_length, dtype=tf.float32)
            self.h_outputs = self.last_relevant(all_outputs, text_length)

        with tf.name_scope("output"):
            W = tf.get_variable("W", shape=[hidden_size, num_classes],
                                initializer=tf.contrib.layers.xavier_initializer())
            b = tf.Variable(tf.constant(0.1, shape=[num_classes]), name="b")
            l2_loss += tf.nn.l2_loss(W)
            l2_loss += tf.nn.l2_loss(b)
            self.logits = tf.nn.xw_plus_b(self.h_outputs, W, b, name="logits")
            self.predictions = tf.argmax(self.logits, 1, name="predictions")

        with tf.name_scope("loss"):
            losses = tf.nn.softmax_cross_entropy_with_logits_v2(logits=self.logits, labels=self.input_y)
            self.loss = tf.reduce_mean(losses) + l2_reg_lambda * l2_loss

        with tf.name_scope("accuracy"):
            correct = tf.equal(self.predictions, tf.argmax(self.input_y, axis=1))
            self.accuracy = tf.reduce_mean(tf.cast(correct, tf.float32), name="accuracy")

    @staticmethod
    def _get_cell(hidden_size, cell_type):
        if cell_type == "vanilla":
            return tf.nn.rnn_cell.BasicRNNCell(hidden_size)
        elif cell_type == "lstm":
            return tf.nn.rnn_cell.BasicLSTMCell(hidden_size)
        elif cell_type == "gru":
            return tf.nn.rnn_cell.GRUCell(hidden_size)
        raise ValueError("unknown cell type " + cell_type)

    @staticmethod
    def _length(seq):
        relevant = tf.sign(tf.abs(seq))
        return tf.cast(tf.reduce_sum(relevant, reduction_indices=1), tf.int32)

    @staticmethod
    def last_relevant(seq, length):
        batch_size = tf.shape(seq)[0]
        max_length = int(seq.get_shape()[1])
        input_size = int(seq.get_shape()[2])
        index = tf.range(0, batch_size) * max_length + (length - 1)
        flat = tf.reshape(seq, [-1, input_size])
        return tf.gather(flat, index)


def train():
    x_text, y = data_helpers.load_data_and_labels(FLAGS.pos_dir, FLAGS.neg_dir)
    vocab_processor = tf.contrib.learn.preprocessing.VocabularyProcessor(FLAGS.max_sentence_length)
    x = np.array(list(vocab_processor.fit_transform(x_text)))

    with tf.Graph().as_default():
        sess = tf.Session()
        with sess.as_default():
            rnn = TextRNN(sequence_length=x.shape[1], num_classes=y.shape[1],
                          vocab_size=len(vocab_processor.vocabulary_), embedding_size=FLAGS.embedding_dim,
                          cell_type=FLAGS.cell_type, hidden_size=FLAGS.hidden_size,
                          l2_reg_lambda=FLAGS.l2_reg_lambda)
            global_step = tf.Variable(0, name="global_step", trainable=False)
            train_op = tf.train.GradientDescentOptimizer(FLAGS.learning_rate).minimize(rnn.loss, global_step=global_step)
            sess.run(tf.global_variables_initializer())

            out_dir = os.path.abspath(os.path.join(os.path.curdir, "runs", datetime.datetime.now().isoformat()))
            batches = data_helpers.batch_iter(list(zip(x, y)), FLAGS.batch_size, FLAGS.num_epochs)
            for batch in batches:
                x_batch, y_batch = zip(*batch)
                _, step, loss, accuracy = sess.run(
                    [train_op, global_step, rnn.loss, rnn.accuracy],
                    {rnn.input_text: x_batch, rnn.input_y: y_batch, rnn.dropout_keep_prob: FLAGS.dropout_keep_prob})
                if step % 100 == 0:
                    print("step {}, loss {:g}, acc {:g} ({})".format(step, loss, accuracy, out_dir))


def main(_):
    train()


if __name__ == "__main__":
    tf.app.run()
