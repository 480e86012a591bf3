# Idiom seen in: roomylee/cnn-relation-extraction train.py
# Idiom seen in: roomylee/cnn-relation-extraction text_cnn.py
# What it reproduces: tf.flags training script of the relation-extraction text CNN; data comes from
#   data_helpers, which this program does not hold. cnn.loss (with the L2 term) is what Adam trains. Clean.
import numpy as np
import tensorflow as tf
import data_helpers
from text_cnn import TextCNN

tf.flags.DEFINE_string("train_path", "SemEval2010_task8_all_data/TRAIN_FILE.TXT", "Path of train data")
tf.flags.DEFINE_integer("text_embedding_dim", 300, "Dimensionality of word embedding")
tf.flags.DEFINE_integer("dist_embedding_dim", 50, "Dimensionality of relative position embedding")
tf.flags.DEFINE_string("filter_sizes", "2,3,4,5", "Comma-separated filter sizes")
tf.flags.DEFINE_integer("num_filters", 128, "Number of filters per filter size")
tf.flags.DEFINE_float("dropout_keep_prob", 0.5, "Dropout keep probability")
tf.flags.DEFINE_float("l2_reg_lambda", 1e-5, "L2 regularization lambda")
tf.flags.DEFINE_float("learning_rate", 1e-3, "Adam learning rate")
tf.flags.DEFINE_integer("batch_size", 20, "Batch Size")
tf.flags.DEFINE_integer("num_epochs", 100, "Number of training epochs")
FLAGS = tf.flags.FLAGS


def train():
    x_text, pos1, pos2, y = data_helpers.load_data_and_labels(FLAGS.train_path)
    text_vocab_processor = tf.contrib.learn.preprocessing.VocabularyProcessor(90)
    x = np.array(list(text_vocab_processor.fit_transform(x_text)))
    dist_vocab_processor = tf.contrib.learn.preprocessing.VocabularyProcessor(90)
    p1 = np.array(list(dist_vocab_processor.fit_transform(pos1)))
    p2 = np.array(list(dist_vocab_processor.transform(pos2)))

    with tf.Graph().as_default():
        sess = tf.Session()
        with sess.as_default():
            cnn = TextCNN(sequence_length=x.shape[1], num_classes=y.shape[1],
                          text_vocab_size=len(text_vocab_processor.vocabulary_),
                          text_embedding_size=FLAGS.text_embedding_dim,
                          dist_vocab_size=len(dist_vocab_processor.vocabulary_),
                          dist_embedding_size=FLAGS.dist_embedding_dim,
                          filter_sizes=list(map(int, FLAGS.filter_sizes.split(","))),
                          num_filters=FLAGS.num_filters,
                          l2_reg_lambda=FLAGS.l2_reg_lambda)

            global_step = tf.Variable(0, name="global_step", trainable=False)
            optimizer = tf.train.AdamOptimizer(FLAGS.learning_rate)
            gvs = optimizer.compute_gradients(cnn.loss)
            capped_gvs = [(tf.clip_by_value(grad, -1.0, 1.0), var) for grad, var in gvs]
            train_op = optimizer.apply_gradients(capped_gvs, global_step=global_step)
            sess.run(tf.global_variables_initializer())

            batches = data_helpers.batch_iter(list(zip(x, p1, p2, y)), FLAGS.batch_size, FLAGS.num_epochs)
            for batch in batches:
                x_batch, p1_batch, p2_batch, y_batch = zip(*batch)
                feed_dict = {cnn.input_text: x_batch, cnn.input_dist1: p1_batch, cnn.input_dist2: p2_batch,
                             cnn.input_y: y_batch, cnn.dropout_keep_prob: FLAGS.dropout_keep_prob}
                _, step, loss, accuracy = sess.run([train_op, global_step, cnn.loss, cnn.accuracy], feed_dict)
                if step % 100 == 0:
                    print("step {}, loss {:g}, acc {:g}".format(step, loss, accuracy))


def main(_):
    train()


if __name__ == "__main__":
    tf.app.run()
