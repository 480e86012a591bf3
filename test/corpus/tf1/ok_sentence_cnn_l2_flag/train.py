# Idiom seen in: yuhaozhang/sentence-convnet train.py
# Idiom seen in: yuhaozhang/sentence-convnet model.py
# What it reproduces: the tf.app.run driver: the total loss from model.loss() (collection sum) is what
# model.train_batch() minimizes with Adagrad; the huge initial lr is harmless for decay under Adagrad.
import os
import time
from datetime import datetime

import numpy as np
import tensorflow as tf

import model
import text_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('data_dir', './data/mr/', 'Directory of the data')
tf.app.flags.DEFINE_string('train_dir', './train/', 'Directory to save training checkpoint files')
tf.app.flags.DEFINE_integer('num_epoch', 30, 'Number of epochs to run')
tf.app.flags.DEFINE_float('init_lr', 10000, 'Initial learning rate')
tf.app.flags.DEFINE_float('lr_decay', 0.95, 'LR decay rate')
tf.app.flags.DEFINE_integer('tolerance_step', 400, 'Decay the lr after loss stalls for this many steps')
tf.app.flags.DEFINE_float('dropout', 0.5, 'Dropout rate. 0 is no dropout.')


def train():
    with tf.Graph().as_default():
        sentences = tf.placeholder(tf.int64, [FLAGS.batch_size, FLAGS.sent_len], name='input_x')
        labels = tf.placeholder(tf.int64, [FLAGS.batch_size], name='input_y')
        lr = tf.placeholder(tf.float32, [], name='learning_rate')
        keep_prob = tf.placeholder(tf.float32, [], name='keep_prob')

        logits = model.inference(sentences, keep_prob)
        loss = model.loss(logits, labels)
        train_op = model.train_batch(loss, lr)

        sess = tf.Session()
        sess.run(tf.global_variables_initializer())
        reader = text_input.TextReader(FLAGS.data_dir, suffix_list=['neg', 'pos'])
        reader.prepare_data(vocab_size=FLAGS.vocab_size, test_fraction=0.1)
        train_loader = text_input.DataLoader(os.path.join(FLAGS.data_dir, 'train.cPickle'),
                                             batch_size=FLAGS.batch_size)

        current_lr, lowest_loss, steps_up = FLAGS.init_lr, float('inf'), 0
        for epoch in range(FLAGS.num_epoch):
            for _ in range(train_loader.num_batch):
                x_batch, y_batch = train_loader.next_batch()
                feed = {sentences: x_batch, labels: y_batch, lr: current_lr,
                        keep_prob: 1. - FLAGS.dropout}
                start = time.time()
                _, loss_value = sess.run([train_op, loss], feed_dict=feed)
                assert not np.isnan(loss_value), "Model loss is NaN."
                if loss_value < lowest_loss:
                    lowest_loss, steps_up = loss_value, 0
                else:
                    steps_up += 1
                if steps_up >= FLAGS.tolerance_step:
                    current_lr *= FLAGS.lr_decay
                    steps_up = 0
            print('%s: epoch %d, loss = %.6f (%.3f sec/batch), lr: %.6f' % (
                datetime.now(), epoch + 1, loss_value, time.time() - start, current_lr))


def main(argv=None):
    if tf.gfile.Exists(FLAGS.train_dir):
        tf.gfile.DeleteRecursively(FLAGS.train_dir)
    tf.gfile.MakeDirs(FLAGS.train_dir)
    train()


if __name__ == '__main__':
    tf.app.run()
