# Idiom seen in: tcoatale/cnn_framework configurations/models/variables.py
# What it reproduces: a weight helper that always puts wd*l2_loss(var) into the 'losses' collection
#   (no guard); the variable it returns is unchanged.
# label-note: WD101 on the add_to_collection line. The only reader of 'losses' that runs is
#   UpdateManager.update() (moving averages / summaries), which does not feed compute_gradients;
#   UpdateManager.training_loss() would sum the collection but train.py never calls it, so no sum
#   exists in the graph (WD101, not WD105).
import tensorflow as tf


def weight_variable(shape, stddev, wd, name):
  with tf.device('/cpu:0'):
    initial = tf.truncated_normal(shape, stddev=stddev)
    var = tf.get_variable(name=name, initializer=initial)
  weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss_' + name)
  tf.add_to_collection('losses', weight_decay)  # expect: WD101
  return var


def bias_variable(shape, constant, name):
  with tf.device('/cpu:0'):
    initial = tf.constant(constant, shape=shape)
    var = tf.get_variable(name=name, initializer=initial)
  return var


def conv2d(x, W):
  return tf.nn.conv2d(x, W, strides=[1, 1, 1, 1], padding='SAME')


def max_pool_3x3(x):
  return tf.nn.max_pool(x, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
