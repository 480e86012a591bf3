# Idiom seen in: wenxinxu/resnet-in-tensorflow cifar10_train.py
# What it reproduces: Train class builds full_loss = add_n([loss] + regu_losses) and logs it, but a
#   user edit hands the bare cross entropy to train_operation, so MomentumOptimizer never sees the
#   regularization sum (realistic mistake; the repository minimizes full_loss).
import time

import tensorflow as tf

from cifar10_input import *
from resnet import *


class Train(object):

    def __init__(self):
        self.placeholders()

    def placeholders(self):
        self.image_placeholder = tf.placeholder(dtype=tf.float32,
                                                shape=[FLAGS.train_batch_size, IMG_HEIGHT, IMG_WIDTH, IMG_DEPTH])
        self.label_placeholder = tf.placeholder(dtype=tf.int32, shape=[FLAGS.train_batch_size])
        self.lr_placeholder = tf.placeholder(dtype=tf.float32, shape=[])

    def build_train_validation_graph(self):
        global_step = tf.Variable(0, trainable=False)
        logits = inference(self.image_placeholder, FLAGS.num_residual_blocks, reuse=False)

        # The train loss is the softmax cross entropy plus the regularization loss
        regu_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
        loss = self.loss(logits, self.label_placeholder)
        self.full_loss = tf.add_n([loss] + regu_losses)  # expect: WD105

        predictions = tf.nn.softmax(logits)
        self.train_top1_error = self.top_k_error(predictions, self.label_placeholder, 1)
        self.train_op, self.train_ema_op = self.train_operation(global_step, loss,
                                                                self.train_top1_error)

    def loss(self, logits, labels):
        labels = tf.cast(labels, tf.int64)
        cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=labels,
                                                                       name='cross_entropy_per_example')
        return tf.reduce_mean(cross_entropy, name='cross_entropy')

    def top_k_error(self, predictions, labels, k):
        batch_size = predictions.get_shape().as_list()[0]
        in_top1 = tf.to_float(tf.nn.in_top_k(predictions, labels, k=k))
        return (batch_size - tf.reduce_sum(in_top1)) / float(batch_size)

    def train_operation(self, global_step, total_loss, top1_error):
        tf.summary.scalar('learning_rate', self.lr_placeholder)
        tf.summary.scalar('train_loss', total_loss)
        ema = tf.train.ExponentialMovingAverage(FLAGS.train_ema_decay, global_step)
        train_ema_op = ema.apply([total_loss, top1_error])
        tf.summary.scalar('train_loss_avg', ema.average(total_loss))
        opt = tf.train.MomentumOptimizer(learning_rate=self.lr_placeholder, momentum=0.9)
        train_op = opt.minimize(total_loss, global_step=global_step)
        return train_op, train_ema_op

    def train(self):
        all_data, all_labels = prepare_train_data(padding_size=FLAGS.padding_size)
        self.build_train_validation_graph()
        sess = tf.Session()
        sess.run(tf.global_variables_initializer())
        for step in range(FLAGS.train_steps):
            batch_data, batch_labels = generate_augment_train_batch(all_data, all_labels,
                                                                    FLAGS.train_batch_size)
            start_time = time.time()
            _, _, train_loss_value = sess.run(
                [self.train_op, self.train_ema_op, self.full_loss],
                {self.image_placeholder: batch_data, self.label_placeholder: batch_labels,
                 self.lr_placeholder: FLAGS.init_lr})
            if step % 100 == 0:
                print('step %d, loss = %.4f (%.3f sec/batch)' % (step, train_loss_value,
                                                                  time.time() - start_time))


train = Train()
train.train()
