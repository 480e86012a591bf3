# Idiom seen in: sustainlab-group/africa_poverty utils/trainer.py
# What it reproduces: the Trainer unpacks the loss helper's tuple (total, nonreg, _, summaries) and
#   Adam minimizes the total (data loss + regularization), under the batch-norm update ops. Clean.
import time

import tensorflow as tf


class RegressionTrainer(object):
    def __init__(self, train_batch, train_preds, loss_fn, lr, sess):
        self.sess = sess
        self.lr_ph = tf.placeholder(tf.float32, shape=[], name='lr_placeholder')
        self.lr = lr
        with tf.variable_scope('train'):
            self.train_loss_total, self.train_loss_nonreg, _, self.train_summaries = \
                loss_fn(train_batch['labels'], train_preds, train_batch.get('weights'))
        optimizer = tf.train.AdamOptimizer(self.lr_ph)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            self.train_op = optimizer.minimize(self.train_loss_total)
        self.step = 0

    def train_epoch(self, num_steps, print_every=100):
        for _ in range(num_steps):
            start = time.time()
            _, loss_total, loss_nonreg = self.sess.run(
                [self.train_op, self.train_loss_total, self.train_loss_nonreg],
                feed_dict={self.lr_ph: self.lr})
            if self.step % print_every == 0:
                print('Step {:05d}. loss_mse: {:0.4f}, loss_tot: {:0.4f}, time: {:0.3f}s'.format(
                    self.step, loss_nonreg, loss_total, time.time() - start))
            self.step += 1
