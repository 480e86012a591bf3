# Idiom seen in: roomylee/cnn-relation-extraction text_cnn.py
# Idiom seen in: roomylee/cnn-relation-extraction train.py
# What it reproduces: the text CNN whose loss is mean xent + l2_reg_lambda * (l2_loss(W) + l2_loss(b)); the
#   user sets l2_reg_lambda = 3.0 (Kim's max-norm constraint s=3 taken for an L2 weight) and trains with
#   plain SGD at 0.5, so lr * lambda = 1.5 >= 1 and decay alone flips the output weights every step.
import numpy as np
import tensorflow as tf
import data_helpers

tf.flags.DEFINE_string("train_path", "data/train.txt", "Path of train data")
tf.flags.DEFINE_integer("embedding_dim", 300, "Dimensionality of word embedding")
tf.flags.DEFINE_string("filter_sizes", "3,4,5", "Comma-separated filter sizes")
tf.flags.DEFINE_integer("num_filters", 100, "Number of filters per filter size")
tf.flags.DEFINE_float("dropout_keep_prob", 0.5, "Dropout keep probability")
tf.flags.DEFINE_float("l2_reg_lambda", 3.0, "L2 regularization lambda")  # expect: WD301
tf.flags.DEFINE_float("learning_rate", 0.5, "SGD learning rate")
tf.flags.DEFINE_integer("batch_size", 50, "Batch Size")
tf.flags.DEFINE_integer("num_epochs", 25, "Number of training epochs")
FLAGS = tf.flags.FLAGS


class TextCNN(object):
    def __init__(self, sequence_length, num_classes, vocab_size, embedding_size, filter_sizes, num_filters,
                 l2_reg_lambda=0.0):
        self.input_x = tf.placeholder(tf.int32, [None, sequence_length], name="input_x")
        self.input_y = tf.placeholder(tf.float32, [None, num_classes], name="input_y")
        self.dropout_keep_prob = tf.placeholder(tf.float32, name="dropout_keep_prob")
        l2_loss = tf.constant(0.0)

        with tf.device('/cpu:0'), tf.name_scope("embedding"):
            self.W = tf.Variable(tf.random_uniform([vocab_size, embedding_size], -1.0, 1.0), name="W")
            embedded = tf.expand_dims(tf.nn.embedding_lookup(self.W, self.input_x), -1)

        pooled_outputs = []
        for filter_size in filter_sizes:
            with tf.name_scope("conv-maxpool-%s" % filter_size):
                W = tf.Variable(tf.truncated_normal([filter_size, embedding_size, 1, num_filters], stddev=0.1), name="W")
                b = tf.Variable(tf.constant(0.1, shape=[num_filters]), name="b")
                h = tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(embedded, W, [1, 1, 1, 1], "VALID"), b))
                pooled_outputs.append(tf.nn.max_pool(h, [1, sequence_length - filter_size + 1, 1, 1], [1, 1, 1, 1], "VALID"))

        num_filters_total = num_filters * len(filter_sizes)
        h_pool_flat = tf.reshape(tf.concat(pooled_outputs, 3), [-1, num_filters_total])
        h_drop = tf.nn.dropout(h_pool_flat, self.dropout_keep_prob)

        with tf.name_scope("output"):
            W = tf.get_variable("W", shape=[num_filters_total, num_classes], initializer=tf.contrib.layers.xavier_initializer())
            b = tf.Variable(tf.constant(0.1, shape=[num_classes]), name="b")
            l2_loss += tf.nn.l2_loss(W)
            l2_loss += tf.nn.l2_loss(b)
            self.scores = tf.nn.xw_plus_b(h_drop, W, b, name="scores")
            self.predictions = tf.argmax(self.scores, 1, name="predictions")

        with tf.name_scope("loss"):
            losses = tf.nn.softmax_cross_entropy_with_logits(logits=self.scores, labels=self.input_y)
            self.loss = tf.reduce_mean(losses) + l2_reg_lambda * l2_loss

        with tf.name_scope("accuracy"):
            correct = tf.equal(self.predictions, tf.argmax(self.input_y, 1))
            self.accuracy = tf.reduce_mean(tf.cast(correct, "float"), name="accuracy")


def main(_):
    x, y, vocab_size = data_helpers.load_data_and_labels(FLAGS.train_path)
    with tf.Graph().as_default(), tf.Session() as sess:
        cnn = TextCNN(sequence_length=x.shape[1], num_classes=y.shape[1], vocab_size=vocab_size,
                      embedding_size=FLAGS.embedding_dim,
                      filter_sizes=list(map(int, FLAGS.filter_sizes.split(","))),
                      num_filters=FLAGS.num_filters, l2_reg_lambda=FLAGS.l2_reg_lambda)
        global_step = tf.Variable(0, name="global_step", trainable=False)
        optimizer = tf.train.GradientDescentOptimizer(FLAGS.learning_rate)
        train_op = optimizer.minimize(cnn.loss, global_step=global_step)
        sess.run(tf.global_variables_initializer())
        for batch in data_helpers.batch_iter(list(zip(x, y)), FLAGS.batch_size, FLAGS.num_epochs):
            x_batch, y_batch = zip(*batch)
            _, step, loss, acc = sess.run([train_op, global_step, cnn.loss, cnn.accuracy],
                                          {cnn.input_x: x_batch, cnn.input_y: y_batch,
                                           cnn.dropout_keep_prob: FLAGS.dropout_keep_prob})
            if step % 100 == 0:
                print("step {}, loss {:g}, acc {:g}".format(step, loss, acc))


if __name__ == "__main__":
    tf.app.run()
