# Idiom seen in: LhWorld/Text-CNN text_cnn.py
# What it reproduces: the embedding TextCNN keeps its l2_loss sum on the object (self.l2_loss) and
#   the training script scales it by l2_reg_lambda only for a tf.summary; cnn.loss (what is minimized) has no decay.
import datetime
import os

import tensorflow as tf

import data_helpers
from text_cnn import TextCNN

tf.flags.DEFINE_string("positive_data_file", "./data/rt-polarity.pos", "Positive data")
tf.flags.DEFINE_string("negative_data_file", "./data/rt-polarity.neg", "Negative data")
tf.flags.DEFINE_integer("embedding_dim", 128, "Embedding size")
tf.flags.DEFINE_integer("num_filters", 128, "Filters per size")
tf.flags.DEFINE_float("l2_reg_lambda", 0.05, "L2 regularization lambda")
tf.flags.DEFINE_integer("batch_size", 64, "Batch Size")
tf.flags.DEFINE_integer("num_epochs", 200, "Epochs")
FLAGS = tf.flags.FLAGS


def main(argv=None):
    x_train, y_train, vocab_processor = data_helpers.load_data_and_labels(
        FLAGS.positive_data_file, FLAGS.negative_data_file)

    with tf.Graph().as_default():
        sess = tf.Session()
        with sess.as_default():
            cnn = TextCNN(sequence_length=x_train.shape[1],
                          num_classes=y_train.shape[1],
                          vocab_size=len(vocab_processor.vocabulary_),
                          embedding_size=FLAGS.embedding_dim,
                          filter_sizes=[3, 4, 5],
                          num_filters=FLAGS.num_filters)

            l2_term = FLAGS.l2_reg_lambda * cnn.l2_loss  # expect: WD104
            global_step = tf.Variable(0, name="global_step", trainable=False)
            optimizer = tf.train.AdamOptimizer(1e-3)
            grads_and_vars = optimizer.compute_gradients(cnn.loss)
            train_op = optimizer.apply_gradients(grads_and_vars, global_step=global_step)

            loss_summary = tf.summary.scalar("loss", cnn.loss)
            l2_summary = tf.summary.scalar("l2_term", l2_term)
            acc_summary = tf.summary.scalar("accuracy", cnn.accuracy)
            train_summary_op = tf.summary.merge([loss_summary, l2_summary, acc_summary])
            writer = tf.summary.FileWriter(os.path.join("runs", "summaries", "train"), sess.graph)

            sess.run(tf.global_variables_initializer())
            for x_batch, y_batch in data_helpers.batch_iter(list(zip(x_train, y_train)),
                                                            FLAGS.batch_size, FLAGS.num_epochs):
                feed_dict = {cnn.input_x: x_batch, cnn.input_y: y_batch, cnn.dropout_keep_prob: 0.5}
                _, step, summaries, loss = sess.run([train_op, global_step, train_summary_op, cnn.loss], feed_dict)
                writer.add_summary(summaries, step)
                print("{}: step {}, loss {:g}".format(datetime.datetime.now().isoformat(), step, loss))


if __name__ == "__main__":
    tf.app.run()
