# Idiom seen in: tensorflow/models tutorials/image/cifar10/cifar10.py; quanee/Note Python/TensorFlow/Conv_Neural_Net_Advance.py
# What it reproduces: a tutorial copy in which the decay helper was switched to its own
# collection key (WEIGHT_DECAY_KEY) while loss() still sums tf.get_collection('losses'):
# the decay terms sit in a collection nobody reads (WD101 in the helper).
import tensorflow as tf

import cifar10_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('batch_size', 128, """Number of images to process in a batch.""")
tf.app.flags.DEFINE_string('data_dir', '/tmp/cifar10_data/cifar-10-batches-bin', """Data directory.""")

NUM_CLASSES = 10
WEIGHT_DECAY_KEY = 'weight_decay_losses'
INITIAL_LEARNING_RATE = 0.1


def _variable_with_weight_decay(name, shape, stddev, wd):
  with tf.device('/cpu:0'):
    var = tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))
  if wd is not None:
    weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
    tf.add_to_collection(WEIGHT_DECAY_KEY, weight_decay)  # expect: WD101
  return var


def distorted_inputs():
  return cifar10_input.distorted_inputs(data_dir=FLAGS.data_dir, batch_size=FLAGS.batch_size)


def inference(images):
  with tf.variable_scope('conv1') as scope:
    kernel = _variable_with_weight_decay('weights', [5, 5, 3, 64], stddev=5e-2, wd=0.0)
    conv = tf.nn.conv2d(images, kernel, [1, 1, 1, 1], padding='SAME')
    conv1 = tf.nn.relu(conv, name=scope.name)
  pool1 = tf.nn.max_pool(conv1, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
  with tf.variable_scope('conv2') as scope:
    kernel = _variable_with_weight_decay('weights', [5, 5, 64, 64], stddev=5e-2, wd=0.0)
    conv2 = tf.nn.relu(tf.nn.conv2d(pool1, kernel, [1, 1, 1, 1], padding='SAME'), name=scope.name)
  pool2 = tf.nn.max_pool(conv2, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
  reshape = tf.reshape(pool2, [FLAGS.batch_size, -1])
  dim = reshape.get_shape()[1].value
  with tf.variable_scope('local3'):
    weights = _variable_with_weight_decay('weights', [dim, 384], stddev=0.04, wd=0.004)
    local3 = tf.nn.relu(tf.matmul(reshape, weights))
  with tf.variable_scope('local4'):
    weights = _variable_with_weight_decay('weights', [384, 192], stddev=0.04, wd=0.004)
    local4 = tf.nn.relu(tf.matmul(local3, weights))
  with tf.variable_scope('softmax_linear'):
    weights = _variable_with_weight_decay('weights', [192, NUM_CLASSES], stddev=1 / 192.0, wd=0.0)
    return tf.matmul(local4, weights)


def loss(logits, labels):
  labels = tf.cast(labels, tf.int64)
  cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
  cross_entropy_mean = tf.reduce_mean(cross_entropy, name='cross_entropy')
  tf.add_to_collection('losses', cross_entropy_mean)
  return tf.add_n(tf.get_collection('losses'), name='total_loss')


def train(total_loss, global_step):
  lr = tf.train.exponential_decay(INITIAL_LEARNING_RATE, global_step, 136000, 0.1, staircase=True)
  opt = tf.train.GradientDescentOptimizer(lr)
  grads = opt.compute_gradients(total_loss)
  return opt.apply_gradients(grads, global_step=global_step)
