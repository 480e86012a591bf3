# Idiom seen in: NVIDIA/DIGITS digits/tools/tensorflow/main.py
# What it reproduces: the DIGITS training binary: tf.app.flags, the user network loaded from the network
#   file, a train Model built on the data loader's batches (tf_data, not in this folder), and a loop that
#   runs model.train with the learning rate fed through a placeholder.
import tensorflow as tf

import lenet
import tf_data  # DIGITS LMDB/TFRecords loaders, not in this folder
import utils as digits
from model import Model

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('train_db', '', 'Directory with training file source')
tf.app.flags.DEFINE_string('optimization', 'sgd', 'Optimization method')
tf.app.flags.DEFINE_float('momentum', 0.9, 'Momentum')
tf.app.flags.DEFINE_float('lr_base_rate', 0.01, 'Learning rate')
tf.app.flags.DEFINE_integer('batch_size', 64, 'Number of images to process in a batch')
tf.app.flags.DEFINE_integer('epoch', 30, 'Number of epochs to train')
tf.app.flags.DEFINE_integer('croplen', 0, 'Crop length')


def main(_):
    loader = tf_data.LoaderFactory.set_source(FLAGS.train_db)
    loader.create_input_pipeline(FLAGS.batch_size, shuffle=True)
    train_model = Model(digits.STAGE_TRAIN, FLAGS.croplen, loader.nclasses, FLAGS.optimization, FLAGS.momentum)
    train_model.create_model(lenet.UserModel, digits.STAGE_TRAIN, loader.batch_x, loader.batch_y, loader.get_shape())
    summary_op = tf.summary.merge(train_model.summaries + [s for t in train_model.towers for s in t.summaries])

    with tf.Session(config=tf.ConfigProto(allow_soft_placement=True)) as sess:
        sess.run(tf.global_variables_initializer())
        coord = tf.train.Coordinator()
        threads = tf.train.start_queue_runners(sess=sess, coord=coord)
        writer = tf.summary.FileWriter('train_log', sess.graph)
        for step in range(FLAGS.epoch * loader.get_total() // FLAGS.batch_size):
            lr = digits.lr_policy(FLAGS.lr_base_rate, step)
            _, summary = sess.run([train_model._train, summary_op], feed_dict={train_model.learning_rate: lr})
            writer.add_summary(summary, step)
        coord.request_stop()
        coord.join(threads)


if __name__ == '__main__':
    tf.app.run()
