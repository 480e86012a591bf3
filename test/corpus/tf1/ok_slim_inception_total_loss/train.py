# Idiom seen in: weizhenzhao/Tensorflow Inception3.py
# What it reproduces: slim training loop: tf.losses.sparse_softmax_cross_entropy registers the data loss,
#   tf.losses.get_total_loss() adds the regularization losses, slim.learning.create_train_op trains on it.
#   Clean.
import tensorflow as tf

import nets
from cifar_input import build_input

slim = tf.contrib.slim
FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('train_dir', '/tmp/vgg_cifar', 'logs')
tf.app.flags.DEFINE_float('learning_rate', 0.05, 'lr')
tf.app.flags.DEFINE_float('momentum', 0.9, 'momentum')


def main(_):
    images, labels = build_input('cifar10', '/data/cifar10/train*', 128, 'train')
    logits = nets.small_vgg(images, num_classes=10, is_training=True)
    tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
    total_loss = tf.losses.get_total_loss(add_regularization_losses=True)
    tf.summary.scalar('total_loss', total_loss)
    optimizer = tf.train.MomentumOptimizer(FLAGS.learning_rate, FLAGS.momentum)
    train_op = slim.learning.create_train_op(total_loss, optimizer)
    slim.learning.train(train_op, FLAGS.train_dir, number_of_steps=64000, save_summaries_secs=120)


if __name__ == '__main__':
    tf.app.run()
