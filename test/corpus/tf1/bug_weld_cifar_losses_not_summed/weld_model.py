# Idiom seen in: Lechatelia/Welding_Joints cifar10_train.py
# What it reproduces: the CIFAR-10 tutorial model re-purposed for weld-joint images; the helper adds
#   wd*l2_loss(var) to the collection "losses", but loss() returns the mean cross entropy instead of
#   tf.add_n(tf.get_collection("losses")), and the train script minimizes that: the decay terms are dead.
import tensorflow as tf

import weld_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('batch_size', 64, 'Images per batch')

NUM_CLASSES = weld_input.NUM_CLASSES
INITIAL_LEARNING_RATE = 0.05
NUM_EPOCHS_PER_DECAY = 50.0
LEARNING_RATE_DECAY_FACTOR = 0.1


def _weight_var(name, shape, stddev, wd):
    var = tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))
    if wd is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)  # expect: WD101
    return var


def _bias_var(name, shape, value):
    return tf.get_variable(name, shape, initializer=tf.constant_initializer(value))


def inference(images):
    with tf.variable_scope('conv1'):
        kernel = _weight_var('weights', [5, 5, 3, 32], stddev=5e-2, wd=None)
        conv = tf.nn.conv2d(images, kernel, [1, 1, 1, 1], padding='SAME')
        conv1 = tf.nn.relu(tf.nn.bias_add(conv, _bias_var('biases', [32], 0.0)))
    pool1 = tf.nn.max_pool(conv1, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
    with tf.variable_scope('conv2'):
        kernel = _weight_var('weights', [5, 5, 32, 64], stddev=5e-2, wd=None)
        conv = tf.nn.conv2d(pool1, kernel, [1, 1, 1, 1], padding='SAME')
        conv2 = tf.nn.relu(tf.nn.bias_add(conv, _bias_var('biases', [64], 0.1)))
    pool2 = tf.nn.max_pool(conv2, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
    with tf.variable_scope('local3'):
        reshape = tf.reshape(pool2, [FLAGS.batch_size, -1])
        dim = reshape.get_shape()[1].value
        weights = _weight_var('weights', [dim, 384], stddev=0.04, wd=0.004)
        local3 = tf.nn.relu(tf.matmul(reshape, weights) + _bias_var('biases', [384], 0.1))
    with tf.variable_scope('local4'):
        weights = _weight_var('weights', [384, 192], stddev=0.04, wd=0.004)
        local4 = tf.nn.relu(tf.matmul(local3, weights) + _bias_var('biases', [192], 0.1))
    with tf.variable_scope('softmax_linear'):
        weights = _weight_var('weights', [192, NUM_CLASSES], stddev=1 / 192.0, wd=None)
        logits = tf.add(tf.matmul(local4, weights), _bias_var('biases', [NUM_CLASSES], 0.0))
    return logits


def loss(logits, labels):
    labels = tf.cast(labels, tf.int64)
    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
    cross_entropy_mean = tf.reduce_mean(cross_entropy, name='cross_entropy')
    tf.add_to_collection('losses', cross_entropy_mean)
    return cross_entropy_mean


def train(total_loss, global_step):
    num_batches_per_epoch = weld_input.NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN / FLAGS.batch_size
    decay_steps = int(num_batches_per_epoch * NUM_EPOCHS_PER_DECAY)
    lr = tf.train.exponential_decay(INITIAL_LEARNING_RATE, global_step, decay_steps,
                                    LEARNING_RATE_DECAY_FACTOR, staircase=True)
    tf.summary.scalar('learning_rate', lr)
    opt = tf.train.GradientDescentOptimizer(lr)
    return opt.minimize(total_loss, global_step=global_step)
