# Idiom seen in: owen-d/akira tf_slim/net.py; tensorflow/models research/slim/nets/cifarnet.py
# What it reproduces: slim layers built inside `with slim.arg_scope([...], weights_regularizer=
# slim.l2_regularizer(0.0005))`, trained on the cross entropy returned by
# tf.losses.sparse_softmax_cross_entropy instead of tf.losses.get_total_loss(): the slim
# regularizers never reach the optimizer (WD102 on the arg_scope keyword).
import tensorflow as tf
import tensorflow.contrib.slim as slim

import dataset_factory

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('dataset_dir', '/tmp/flowers', 'TFRecord directory.')
tf.app.flags.DEFINE_string('train_dir', '/tmp/flowers_train', 'Checkpoint directory.')
tf.app.flags.DEFINE_integer('num_classes', 5, 'Number of classes.')
tf.app.flags.DEFINE_integer('max_steps', 30000, 'Number of steps.')


def small_vgg(inputs, num_classes, is_training):
  with slim.arg_scope([slim.conv2d, slim.fully_connected], padding='SAME',
                      activation_fn=tf.nn.relu,
                      weights_initializer=tf.truncated_normal_initializer(stddev=0.01),
                      weights_regularizer=slim.l2_regularizer(0.0005)):  # expect: WD102
    net = inputs
    for i in range(3):
      net = slim.repeat(net, 2, slim.conv2d, 64 * 2 ** i, [3, 3], scope='conv%d' % (i + 1))
      net = slim.max_pool2d(net, [2, 2], scope='pool%d' % (i + 1))
    net = slim.flatten(net)
    net = slim.fully_connected(net, 512, scope='fc1')
    net = slim.dropout(net, 0.5, is_training=is_training, scope='dropout1')
    logits = slim.fully_connected(net, num_classes, activation_fn=None, scope='fc2')
  return logits


def main(_):
  images, labels = dataset_factory.get_batch('flowers', 'train', FLAGS.dataset_dir, batch_size=32)
  logits = small_vgg(images, FLAGS.num_classes, is_training=True)
  loss = tf.losses.sparse_softmax_cross_entropy(labels=labels, logits=logits)
  tf.summary.scalar('loss', loss)

  global_step = tf.train.get_or_create_global_step()
  lr = tf.train.exponential_decay(0.01, global_step, 10000, 0.5, staircase=True)
  train_op = tf.train.MomentumOptimizer(lr, 0.9).minimize(loss, global_step=global_step)

  with tf.train.MonitoredTrainingSession(
      checkpoint_dir=FLAGS.train_dir,
      hooks=[tf.train.StopAtStepHook(last_step=FLAGS.max_steps), tf.train.NanTensorHook(loss)]) as sess:
    while not sess.should_stop():
      sess.run(train_op)


if __name__ == '__main__':
  tf.app.run()
