# Idiom seen in: tensorflow/models tutorials/image/cifar10/cifar10.py; quanee/Note Python/TensorFlow/Conv_Neural_Net_Advance.py
# What it reproduces: the tutorial helper and a correctly summed loss, but every call passes
# wd=0.0 or wd=None (the conv layers of the copies use 0.0 and the dense layers were set to
# None "for now"): the decay machinery exists and never decays anything (WD303 on the guard).
import argparse

import tensorflow as tf

import cifar10_input

parser = argparse.ArgumentParser()
parser.add_argument('--data_dir', type=str, default='/tmp/cifar10_data/cifar-10-batches-bin')
parser.add_argument('--batch_size', type=int, default=128)
parser.add_argument('--max_steps', type=int, default=20000)
parser.add_argument('--train_dir', type=str, default='/tmp/cifar10_train')


def _variable_with_weight_decay(name, shape, stddev, wd):
  var = tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))
  if wd is not None:  # expect: WD303
    weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
    tf.add_to_collection('losses', weight_decay)
  return var


def inference(images, batch_size):
  with tf.variable_scope('conv1') as scope:
    kernel = _variable_with_weight_decay('weights', [5, 5, 3, 64], stddev=5e-2, wd=0.0)
    conv1 = tf.nn.relu(tf.nn.conv2d(images, kernel, [1, 1, 1, 1], padding='SAME'), name=scope.name)
  pool1 = tf.nn.max_pool(conv1, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
  reshape = tf.reshape(pool1, [batch_size, -1])
  dim = reshape.get_shape()[1].value
  with tf.variable_scope('local3'):
    weights = _variable_with_weight_decay('weights', [dim, 384], stddev=0.04, wd=None)
    local3 = tf.nn.relu(tf.matmul(reshape, weights))
  with tf.variable_scope('local4'):
    weights = _variable_with_weight_decay('weights', [384, 192], stddev=0.04, wd=None)
    local4 = tf.nn.relu(tf.matmul(local3, weights))
  with tf.variable_scope('softmax_linear'):
    weights = _variable_with_weight_decay('weights', [192, 10], stddev=1 / 192.0, wd=0.0)
    return tf.matmul(local4, weights)


def loss(logits, labels):
  cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(
      labels=tf.cast(labels, tf.int64), logits=logits)
  tf.add_to_collection('losses', tf.reduce_mean(cross_entropy, name='cross_entropy'))
  return tf.add_n(tf.get_collection('losses'), name='total_loss')


def main():
  flags = parser.parse_args()
  with tf.Graph().as_default():
    global_step = tf.train.get_or_create_global_step()
    images, labels = cifar10_input.distorted_inputs(data_dir=flags.data_dir, batch_size=flags.batch_size)
    total_loss = loss(inference(images, flags.batch_size), labels)
    lr = tf.train.exponential_decay(0.1, global_step, 100000, 0.1, staircase=True)
    train_op = tf.train.GradientDescentOptimizer(lr).minimize(total_loss, global_step=global_step)
    with tf.train.MonitoredTrainingSession(
        checkpoint_dir=flags.train_dir,
        hooks=[tf.train.StopAtStepHook(last_step=flags.max_steps)]) as sess:
      while not sess.should_stop():
        sess.run(train_op)


if __name__ == '__main__':
  main()
