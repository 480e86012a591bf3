# Idiom seen in: liuyang079/vgg-tensorflow-cifar10 cifar10_vgg_train.py
# What it reproduces: the training graph sums the regularizers' collection into full_loss and the
# MomentumOptimizer minimizes full_loss (the validation loss alone is only evaluated). Clean.
import numpy as np
import tensorflow as tf

from vgg import inference_vgg
from hyper_parameters import FLAGS
from cifar10_vgg_processing import read_in_all_images, generate_augment_train_batch


class Train(object):
    def __init__(self):
        self.image_placeholder = tf.placeholder(tf.float32, [FLAGS.train_batch_size, 32, 32, 3])
        self.label_placeholder = tf.placeholder(tf.int32, [FLAGS.train_batch_size])
        self.vali_image_placeholder = tf.placeholder(tf.float32, [FLAGS.validation_batch_size, 32, 32, 3])
        self.vali_label_placeholder = tf.placeholder(tf.int32, [FLAGS.validation_batch_size])
        self.lr_placeholder = tf.placeholder(tf.float32, shape=[])

    def loss(self, logits, labels):
        labels = tf.cast(labels, tf.int64)
        xent = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=labels)
        return tf.reduce_mean(xent, name='cross_entropy')

    def build_train_validation_graph(self):
        global_step = tf.Variable(0, trainable=False)
        logits = inference_vgg(self.image_placeholder, reuse=False)
        vali_logits = inference_vgg(self.vali_image_placeholder, reuse=True)

        regu_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
        loss = self.loss(logits, self.label_placeholder)
        self.full_loss = tf.add_n([loss] + regu_losses)
        self.vali_loss = self.loss(vali_logits, self.vali_label_placeholder)

        tf.summary.scalar('train_loss', self.full_loss)
        opt = tf.train.MomentumOptimizer(learning_rate=self.lr_placeholder, momentum=0.9)
        self.train_op = opt.minimize(self.full_loss, global_step=global_step)

    def train(self):
        all_data, all_labels = read_in_all_images(FLAGS.train_path, shuffle=True)
        self.build_train_validation_graph()
        sess = tf.Session()
        sess.run(tf.global_variables_initializer())
        for step in range(FLAGS.train_steps):
            batch_x, batch_y = generate_augment_train_batch(all_data, all_labels, FLAGS.train_batch_size)
            _, loss_value = sess.run([self.train_op, self.full_loss],
                                     {self.image_placeholder: batch_x,
                                      self.label_placeholder: batch_y,
                                      self.lr_placeholder: FLAGS.init_lr})
            if step % FLAGS.report_freq == 0:
                print('step %d, loss = %.4f' % (step, np.mean(loss_value)))
            if step in (FLAGS.decay_step0, FLAGS.decay_step1):
                FLAGS.init_lr = 0.1 * FLAGS.init_lr


if __name__ == '__main__':
    Train().train()
