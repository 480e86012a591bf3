# Idiom seen in: ZijingMao/ROICNN cifar10/cifar10.py
# Idiom seen in: ZijingMao/ROICNN rsvp/rsvp_train.py
# What it reproduces: the CIFAR-10 tutorial model adapted to EEG (RSVP) epochs, keeping the helper
#   _variable_with_weight_decay; every call passes wd=None or wd=0.0, so the decay code behind the guard
#   never adds a non-zero term (WD303 at the guard).
import tensorflow as tf

FLAGS = tf.app.flags.FLAGS
NUM_CLASSES = 2
EEG_CHANNELS = 64
EEG_SAMPLES = 64


def _variable_on_cpu(name, shape, initializer):
    with tf.device('/cpu:0'):
        return tf.get_variable(name, shape, initializer=initializer)


def _variable_with_weight_decay(name, shape, stddev, wd):
    var = _variable_on_cpu(name, shape, tf.truncated_normal_initializer(stddev=stddev))
    if wd is not None:  # expect: WD303
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def inference(eeg):
    with tf.variable_scope('conv1') as scope:
        kernel = _variable_with_weight_decay('weights', [1, 5, 1, 32], stddev=1e-4, wd=0.0)
        biases = _variable_on_cpu('biases', [32], tf.constant_initializer(0.0))
        conv = tf.nn.conv2d(eeg, kernel, [1, 1, 1, 1], padding='SAME')
        conv1 = tf.nn.relu(tf.nn.bias_add(conv, biases), name=scope.name)
    pool1 = tf.nn.max_pool(conv1, ksize=[1, 1, 2, 1], strides=[1, 1, 2, 1], padding='SAME', name='pool1')
    with tf.variable_scope('conv2') as scope:
        kernel = _variable_with_weight_decay('weights', [EEG_CHANNELS, 1, 32, 64], stddev=1e-4, wd=0.0)
        biases = _variable_on_cpu('biases', [64], tf.constant_initializer(0.1))
        conv = tf.nn.conv2d(pool1, kernel, [1, 1, 1, 1], padding='VALID')
        conv2 = tf.nn.relu(tf.nn.bias_add(conv, biases), name=scope.name)
    with tf.variable_scope('local3') as scope:
        reshape = tf.reshape(conv2, [FLAGS.batch_size, -1])
        dim = reshape.get_shape()[1].value
        weights = _variable_with_weight_decay('weights', [dim, 256], stddev=0.04, wd=None)
        biases = _variable_on_cpu('biases', [256], tf.constant_initializer(0.1))
        local3 = tf.nn.relu(tf.matmul(reshape, weights) + biases, name=scope.name)
    with tf.variable_scope('softmax_linear') as scope:
        weights = _variable_with_weight_decay('weights', [256, NUM_CLASSES], stddev=1 / 256.0, wd=0.0)
        biases = _variable_on_cpu('biases', [NUM_CLASSES], tf.constant_initializer(0.0))
        logits = tf.add(tf.matmul(local3, weights), biases, name=scope.name)
    return logits


def loss(logits, labels):
    labels = tf.cast(labels, tf.int64)
    xent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
    tf.add_to_collection('losses', tf.reduce_mean(xent, name='cross_entropy'))
    return tf.add_n(tf.get_collection('losses'), name='total_loss')
