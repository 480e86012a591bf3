# Idiom seen in: tensorflow/models tutorials/image/cifar10/cifar10.py; satojkovic/CnnTF cifar10_train.py
# What it reproduces: a flat one-file version of the tutorial written at module level, where the
# name of the function loss() is rebound to its result (`loss = loss(logits, labels)`) before
# minimize; loss() returns the add_n of the 'losses' collection, so the decay is minimized. Correct.
import tensorflow as tf

import cifar10_input

BATCH_SIZE = 128
DATA_DIR = '/tmp/cifar10_data/cifar-10-batches-bin'
MAX_STEPS = 100000


def _variable_with_weight_decay(name, shape, stddev, wd):
    var = tf.get_variable(name, shape, initializer=tf.truncated_normal_initializer(stddev=stddev))
    if wd is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def inference(images):
    with tf.variable_scope('conv1'):
        kernel = _variable_with_weight_decay('weights', [5, 5, 3, 64], stddev=5e-2, wd=0.0)
        conv1 = tf.nn.relu(tf.nn.conv2d(images, kernel, [1, 1, 1, 1], padding='SAME'))
    pool1 = tf.nn.max_pool(conv1, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
    reshape = tf.reshape(pool1, [BATCH_SIZE, -1])
    dim = reshape.get_shape()[1].value
    with tf.variable_scope('local3'):
        weights = _variable_with_weight_decay('weights', [dim, 192], stddev=0.04, wd=0.004)
        local3 = tf.nn.relu(tf.matmul(reshape, weights))
    with tf.variable_scope('softmax_linear'):
        weights = _variable_with_weight_decay('weights', [192, 10], stddev=1 / 192.0, wd=0.0)
        return tf.matmul(local3, weights)


def loss(logits, labels):
    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(
        labels=tf.cast(labels, tf.int64), logits=logits, name='cross_entropy_per_example')
    tf.add_to_collection('losses', tf.reduce_mean(cross_entropy, name='cross_entropy'))
    return tf.add_n(tf.get_collection('losses'), name='total_loss')


images, labels = cifar10_input.distorted_inputs(data_dir=DATA_DIR, batch_size=BATCH_SIZE)
global_step = tf.train.get_or_create_global_step()
logits = inference(images)
loss = loss(logits, labels)
train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss, global_step=global_step)

with tf.train.MonitoredTrainingSession(checkpoint_dir='/tmp/cifar10_flat',
                                       hooks=[tf.train.StopAtStepHook(last_step=MAX_STEPS),
                                              tf.train.NanTensorHook(loss)]) as sess:
    while not sess.should_stop():
        _, loss_value, step = sess.run([train_op, loss, global_step])
        if step % 100 == 0:
            print('step %d, loss = %.3f' % (step, loss_value))
