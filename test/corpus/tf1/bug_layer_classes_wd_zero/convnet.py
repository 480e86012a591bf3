# Idiom seen in: persistforever/cifar10-tensorflow src/model/basic_cnn.py
# What it reproduces: a ConvNet class that builds layer objects, adds its objective to 'losses'
#   and minimizes tf.add_n(tf.get_collection('losses')).
import tensorflow as tf

import config
from layers import ConvLayer, DenseLayer


class ConvNet(object):
  def __init__(self, n_channel=3, n_classes=10, image_size=24):
    self.images = tf.placeholder(tf.float32, [None, image_size, image_size, n_channel], 'image')
    self.labels = tf.placeholder(tf.int64, [None], name='label')
    self.keep_prob = tf.placeholder(tf.float32, name='keep_prob')
    self.global_step = tf.Variable(0, dtype=tf.int32, trainable=False, name='global_step')

    conv1 = ConvLayer((None, image_size, image_size, n_channel), 3, 64, batch_normal=True,
                      weight_decay=None, name='conv1')
    conv2 = ConvLayer((None, image_size // 2, image_size // 2, 64), 3, 128, batch_normal=True,
                      weight_decay=None, name='conv2')
    flat_dim = (image_size // 4) * (image_size // 4) * 128
    dense1 = DenseLayer((None, flat_dim), 1024, dropout=True, keep_prob=self.keep_prob,
                        weight_decay=config.WEIGHT_DECAY, name='dense1')
    dense2 = DenseLayer((None, 1024), n_classes, activation='none',
                        weight_decay=config.WEIGHT_DECAY, name='dense2')

    h = tf.nn.max_pool(conv1.get_output(self.images), [1, 2, 2, 1], [1, 2, 2, 1], 'SAME')
    h = tf.nn.max_pool(conv2.get_output(h), [1, 2, 2, 1], [1, 2, 2, 1], 'SAME')
    h = dense1.get_output(tf.reshape(h, [-1, flat_dim]))
    logits = dense2.get_output(h)

    self.objective = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
        logits=logits, labels=self.labels))
    tf.add_to_collection('losses', self.objective)
    self.avg_loss = tf.add_n(tf.get_collection('losses'))
    self.optimizer = tf.train.MomentumOptimizer(config.LEARNING_RATE, config.MOMENTUM).minimize(
        self.avg_loss, global_step=self.global_step)
    correct = tf.equal(self.labels, tf.argmax(logits, 1))
    self.accuracy = tf.reduce_mean(tf.cast(correct, tf.float32))
