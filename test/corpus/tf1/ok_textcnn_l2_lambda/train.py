# Idiom seen in: GreenGitHuber/zh_cnn_text_classify text_cnn.py
# What it reproduces: TextCNN class that accumulates l2_loss over the output layer and folds
#   l2_reg_lambda * l2_loss into self.loss; the training script minimizes cnn.loss, so the decay is live (clean).
import os
import time

import tensorflow as tf

import data_helpers
from text_cnn import TextCNN

tf.flags.DEFINE_integer("embedding_dim", 128, "Dimensionality of word vectors")
tf.flags.DEFINE_string("filter_sizes", "3,4,5", "Comma-separated filter sizes")
tf.flags.DEFINE_integer("num_filters", 128, "Filters per size")
tf.flags.DEFINE_float("dropout_keep_prob", 0.5, "Dropout keep probability")
tf.flags.DEFINE_float("l2_reg_lambda", 0.1, "L2 regularization lambda")
tf.flags.DEFINE_integer("batch_size", 64, "Batch size")
tf.flags.DEFINE_integer("num_epochs", 50, "Epochs")
FLAGS = tf.flags.FLAGS


def main(_):
    x_train, y_train, x_dev, y_dev = data_helpers.load_word2vec_data(FLAGS.embedding_dim)
    with tf.Graph().as_default():
        sess = tf.Session()
        with sess.as_default():
            cnn = TextCNN(sequence_length=x_train.shape[1],
                          num_classes=y_train.shape[1],
                          embedding_size=FLAGS.embedding_dim,
                          filter_sizes=list(map(int, FLAGS.filter_sizes.split(","))),
                          num_filters=FLAGS.num_filters,
                          l2_reg_lambda=FLAGS.l2_reg_lambda)
            global_step = tf.Variable(0, name="global_step", trainable=False)
            optimizer = tf.train.AdamOptimizer(1e-3)
            grads_and_vars = optimizer.compute_gradients(cnn.loss)
            train_op = optimizer.apply_gradients(grads_and_vars, global_step=global_step)

            out_dir = os.path.abspath(os.path.join(os.path.curdir, "runs", str(int(time.time()))))
            saver = tf.train.Saver(tf.global_variables(), max_to_keep=5)
            sess.run(tf.global_variables_initializer())

            for x_batch, y_batch in data_helpers.batch_iter(list(zip(x_train, y_train)),
                                                            FLAGS.batch_size, FLAGS.num_epochs):
                feed = {cnn.input_x: x_batch, cnn.input_y: y_batch,
                        cnn.dropout_keep_prob: FLAGS.dropout_keep_prob}
                _, step, loss, acc = sess.run([train_op, global_step, cnn.loss, cnn.accuracy], feed)
                if step % 100 == 0:
                    print("step {}, loss {:g}, acc {:g}".format(step, loss, acc))
                    saver.save(sess, os.path.join(out_dir, "model"), global_step=step)


if __name__ == "__main__":
    tf.app.run()
