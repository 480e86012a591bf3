# Idiom seen in: fangkun119/MLPracticeNotes deep_learning_notes/12_dnn_code/12_code_13_L1_L2_reg_with_keras_api.md
#   (partial(tf.layers.*, kernel_regularizer=...)) and persistforever/cifar10-tensorflow
#   src/model/basic_cnn.py (total loss = tf.add_n(tf.get_collection('losses')))
# What it reproduces: tf.layers kernel_regularizer terms go to GraphKeys.REGULARIZATION_LOSSES, but
#   the loss is the cifar10-style sum of the 'losses' collection, which only holds what tf.losses.*
#   put there (the cross entropy). The regularization losses are never read.
# label-note: WD102 on the partial(...)'s kernel_regularizer= line, the only regularizer argument.
from functools import partial

import numpy as np
import tensorflow as tf

from dataset import load_cifar10  # data loading, not part of this program

flags = tf.app.flags
flags.DEFINE_string('data_dir', './cifar-10-batches-py', 'CIFAR-10 directory.')
flags.DEFINE_float('l2_scale', 5e-4, 'L2 regularization scale.')
flags.DEFINE_float('learning_rate', 0.05, 'Learning rate.')
flags.DEFINE_integer('batch_size', 128, 'Batch size.')
flags.DEFINE_integer('epochs', 60, 'Epochs.')
FLAGS = flags.FLAGS


def build_model(images, training):
  regularizer = tf.contrib.layers.l2_regularizer(FLAGS.l2_scale)
  conv = partial(tf.layers.conv2d, kernel_size=3, padding='same', use_bias=False,
                 kernel_regularizer=regularizer)  # expect: WD102
  x = images
  for i, filters in enumerate([64, 128, 256]):
    x = conv(x, filters, name='conv%d' % i)
    x = tf.layers.batch_normalization(x, training=training, name='bn%d' % i)
    x = tf.nn.relu(x)
    x = tf.layers.max_pooling2d(x, 2, 2)
  x = tf.reduce_mean(x, axis=[1, 2])
  return tf.layers.dense(x, 10, name='logits')


def main(_):
  (x_train, y_train), _ = load_cifar10(FLAGS.data_dir)
  images = tf.placeholder(tf.float32, [None, 32, 32, 3])
  labels = tf.placeholder(tf.int64, [None])
  training = tf.placeholder_with_default(False, [])

  logits = build_model(images, training)
  tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
  total_loss = tf.add_n(tf.get_collection('losses'), name='total_loss')

  global_step = tf.train.get_or_create_global_step()
  optimizer = tf.train.MomentumOptimizer(FLAGS.learning_rate, momentum=0.9)
  with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
    train_op = optimizer.minimize(total_loss, global_step=global_step)

  with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    n = x_train.shape[0]
    for epoch in range(FLAGS.epochs):
      order = np.random.permutation(n)
      for i in range(0, n, FLAGS.batch_size):
        idx = order[i:i + FLAGS.batch_size]
        _, l = sess.run([train_op, total_loss],
                        feed_dict={images: x_train[idx], labels: y_train[idx], training: True})
      print('epoch %d loss %.4f' % (epoch, l))


if __name__ == '__main__':
  tf.app.run()
