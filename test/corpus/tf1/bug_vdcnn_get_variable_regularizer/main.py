# Idiom seen in: WenchenLi/VDCNN model.py
# Idiom seen in: WenchenLi/VDCNN config.py
# Idiom seen in: WenchenLi/VDCNN main.py
# What it reproduces: a char-level VDCNN whose _get_variable wrapper gives tf.get_variable an
#   l2_regularizer when weight_decay > 0 (the fc layers); the loss is the cross entropy plus
#   l2_reg_lambda * self.l2_loss, a tf.constant(0.0) never accumulated, and REGULARIZATION_LOSSES is
#   never read, so the fc decay is lost (real repo bug).
import numpy as np
import tensorflow as tf
from sklearn.model_selection import train_test_split

import config
import util
from model import VDCNN

tf.flags.DEFINE_string("train_data_file", "./data/train.txt", "train Data source")
tf.flags.DEFINE_integer("embedding_dim", 16, "Dimensionality of character embedding")
tf.flags.DEFINE_float("l2_reg_lambda", 0.001, "L2 regularization lambda")
tf.flags.DEFINE_float("lr", 1e-4, "learning rate")
tf.flags.DEFINE_integer("batch_size", 128, "Batch Size")
tf.flags.DEFINE_integer("num_epochs", 200, "Number of training epochs")
FLAGS = tf.flags.FLAGS


def main(_):
    x_text, y, index2label = util.load_data_and_labels_fasttext(FLAGS.train_data_file)
    x = util.chars_to_ids(x_text, config.ALPHABET, config.FEATURE_LEN)
    x_train, x_dev, y_train, y_dev = train_test_split(x, y, test_size=0.2)
    with tf.Graph().as_default():
        sess = tf.Session()
        is_training = tf.placeholder('bool', [], name='is_training')
        vdcnn = VDCNN(feature_len=config.FEATURE_LEN, num_classes=y.shape[1],
                      vocab_size=len(config.ALPHABET) + 1, embedding_size=FLAGS.embedding_dim,
                      l2_reg_lambda=FLAGS.l2_reg_lambda, is_training=is_training, depth=9)
        global_step = tf.Variable(0, name="global_step", trainable=False)
        train_op = vdcnn.build_train_op(FLAGS.lr, global_step)
        sess.run(tf.global_variables_initializer())
        batches = util.batch_iter(list(zip(x_train, y_train)), FLAGS.batch_size, FLAGS.num_epochs)
        for batch in batches:
            x_batch, y_batch = zip(*batch)
            _, step, loss, acc = sess.run(
                [train_op, global_step, vdcnn.loss, vdcnn.accuracy],
                feed_dict={vdcnn.input_x: x_batch, vdcnn.input_y: y_batch, is_training: True})
            if step % 1000 == 0:
                dev_acc = sess.run(vdcnn.accuracy, feed_dict={vdcnn.input_x: x_dev,
                                                              vdcnn.input_y: y_dev,
                                                              is_training: False})
                print("step {}, loss {:g}, acc {:g}, dev acc {:g}".format(step, loss, acc, dev_acc))


if __name__ == '__main__':
    tf.app.run()
