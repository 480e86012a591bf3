# Idiom seen in: SwingWillwow/CIFAR10_LR cifar10.py
# What it reproduces: the CIFAR-10 tutorial helper _variable_with_weight_decay used for low-rank factor
#   matrices (wd=None on the conv factors, wd=0.001 on the dense factors); loss() sums the 'losses'
#   collection and train() minimizes that total with Adam. Clean: every decay term reaches the loss.
import os
import re

import tensorflow as tf
import cifar10_input

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_integer('batch_size', 128, """Number of images to process in a batch""")
tf.app.flags.DEFINE_string('data_dir', '/tmp/cifar10_data', """Path to the CIFAR-10 data directory.""")

NUM_CLASSES = cifar10_input.NUM_CLASSES
NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN = cifar10_input.NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN
MOVING_AVERAGE_DECAY = 0.9999
TOWER_NAME = 'tower'


def _activation_summary(x):
    tensor_name = re.sub('%s_[0-9]*/' % TOWER_NAME, '', x.op.name)
    tf.summary.histogram(tensor_name + '/activations', x)


def _variable_on_cpu(name, shape, initializer):
    with tf.device('/cpu:0'):
        var = tf.get_variable(name, shape, initializer=initializer, dtype=tf.float32)
    return var


def _variable_with_weight_decay(name, shape, stddev, wd):
    var = _variable_on_cpu(name, shape, tf.truncated_normal_initializer(stddev=stddev))
    if wd is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def _low_rank_conv(inputs, shape, rank, scope):
    h, w, c_in, c_out = shape
    part_one = _variable_with_weight_decay('low_rank_part_one', [h, w, c_in, rank], stddev=5e-2, wd=None)
    part_two = _variable_with_weight_decay('low_rank_part_two', [1, 1, rank, c_out], stddev=5e-2, wd=None)
    biases = _variable_on_cpu('biases', [c_out], tf.constant_initializer(0.1))
    inner = tf.nn.conv2d(inputs, part_one, [1, 1, 1, 1], padding='SAME')
    inner = tf.nn.conv2d(inner, part_two, [1, 1, 1, 1], padding='SAME')
    return tf.nn.relu(tf.nn.bias_add(inner, biases), name=scope.name)


def _low_rank_dense(inputs, shape, rank, name):
    m, n = shape
    part_one = _variable_with_weight_decay('low_rank_part_one', [m, rank], stddev=0.04, wd=0.001)
    part_two = _variable_with_weight_decay('low_rank_part_two', [rank, n], stddev=0.04, wd=0.001)
    biases = _variable_on_cpu('biases', [n], tf.constant_initializer(0.1))
    return tf.add(tf.matmul(tf.matmul(inputs, part_one), part_two), biases, name)


def distorted_inputs():
    data_dir = os.path.join(FLAGS.data_dir, 'cifar-10-batches-bin')
    return cifar10_input.distorted_inputs(data_dir=data_dir, batch_size=FLAGS.batch_size)


def inference(images, r):
    with tf.variable_scope('conv1') as scope:
        conv1 = _low_rank_conv(images, [5, 5, 3, 64], r[0], scope)
        _activation_summary(conv1)
    pool1 = tf.nn.max_pool(conv1, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
    with tf.variable_scope('local3') as scope:
        flat = tf.reshape(pool1, [FLAGS.batch_size, -1])
        dim = flat.get_shape()[1].value
        local3 = tf.nn.relu(_low_rank_dense(flat, [dim, 384], r[1], 'pre'), scope.name)
    with tf.variable_scope('logit') as scope:
        logits = _low_rank_dense(local3, [384, NUM_CLASSES], r[2], scope.name)
    return logits


def loss(logits, labels):
    labels = tf.cast(labels, tf.int64)
    xent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
    tf.add_to_collection('losses', tf.reduce_mean(xent, name='cross_entropy'))
    return tf.add_n(tf.get_collection('losses'), name='total_loss')


def train(total_loss, global_step):
    tf.summary.scalar('total_loss', total_loss)
    opt = tf.train.AdamOptimizer(1e-4)
    grads = opt.compute_gradients(total_loss)
    apply_op = opt.apply_gradients(grads, global_step=global_step)
    ema = tf.train.ExponentialMovingAverage(MOVING_AVERAGE_DECAY, global_step)
    with tf.control_dependencies([apply_op, ema.apply(tf.trainable_variables())]):
        train_op = tf.no_op(name='train')
    return train_op
