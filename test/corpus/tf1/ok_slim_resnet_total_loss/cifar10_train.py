# Idiom seen in: luzai/tf-slim-mnist src/cifar10_train.py
# What it reproduces: tf.losses.softmax_cross_entropy + tf.losses.get_total_loss() handed to
# slim.learning.create_train_op with a MomentumOptimizer, run under tf.app.run(). Clean.
import tensorflow as tf
import tensorflow.contrib.slim as slim

from datasets import cifar10
from datasets.cifar10 import load_batch
from model import small_resnet

flags = tf.app.flags
flags.DEFINE_string('data_dir', '/tmp/cifar10', 'dataset dir')
flags.DEFINE_string('log_dir', './log/train', 'log dir')
flags.DEFINE_integer('batch_size', 128, 'batch size')
flags.DEFINE_float('weight_decay', 1e-4, 'L2 scale')
flags.DEFINE_float('learning_rate', 0.05, 'initial learning rate')
FLAGS = flags.FLAGS


def main(_):
    tf.logging.set_verbosity(tf.logging.INFO)
    dataset = cifar10.get_split('train', FLAGS.data_dir)
    images, labels = load_batch(dataset, FLAGS.batch_size, is_training=True).dequeue()

    logits = small_resnet(images, dataset.num_classes, weight_decay=FLAGS.weight_decay)
    one_hot = slim.one_hot_encoding(labels, dataset.num_classes)
    tf.losses.softmax_cross_entropy(onehot_labels=one_hot, logits=logits)
    total_loss = tf.losses.get_total_loss()
    tf.summary.scalar('loss/total', total_loss)

    optimizer = tf.train.MomentumOptimizer(FLAGS.learning_rate, 0.9)
    train_op = slim.learning.create_train_op(total_loss, optimizer)
    slim.learning.train(train_op, FLAGS.log_dir, save_summaries_secs=60, log_every_n_steps=20)


if __name__ == '__main__':
    tf.app.run()
