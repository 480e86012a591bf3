# Idiom seen in: Aaron-Zhao123/Cifar10-dynamic-surgery train.py
# What it reproduces: the cifar10 tutorial's _variable_with_weight_decay copied into a pruning
#   (dynamic network surgery) script; every weight is created with wd=None or wd=0.0, so the guarded
#   decay code never adds a live term and loss() sums only the cross entropy.
import sys
import pickle
import numpy as np
import tensorflow as tf

import cifar10
from cifar10 import img_size, num_channels, num_classes

NUM_CHANNELS = 3
NUM_CLASSES = 10


def _variable_on_cpu(name, shape, initializer):
    with tf.device('/cpu:0'):
        var = tf.get_variable(name, shape, initializer=initializer, dtype=tf.float32)
    return var


def _variable_with_weight_decay(name, shape, stddev, wd):
    var = _variable_on_cpu(name, shape, tf.truncated_normal_initializer(stddev=stddev, dtype=tf.float32))
    if wd is not None:  # expect: WD303
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def initialize_variables():
    # no weight decay while pruning: the masks already shrink the network
    weights = {
        'cov1': _variable_with_weight_decay('cov1', [5, 5, NUM_CHANNELS, 64], stddev=5e-2, wd=None),
        'cov2': _variable_with_weight_decay('cov2', [5, 5, 64, 64], stddev=5e-2, wd=None),
        'fc1': _variable_with_weight_decay('fc1', [6 * 6 * 64, 384], stddev=0.04, wd=0.0),
        'fc2': _variable_with_weight_decay('fc2', [384, 192], stddev=0.04, wd=0.0),
        'fc3': _variable_with_weight_decay('fc3', [192, NUM_CLASSES], stddev=1 / 192.0, wd=None),
    }
    biases = {
        'cov1': _variable_on_cpu('b_cov1', [64], tf.constant_initializer(0.1)),
        'cov2': _variable_on_cpu('b_cov2', [64], tf.constant_initializer(0.1)),
        'fc1': _variable_on_cpu('b_fc1', [384], tf.constant_initializer(0.1)),
        'fc2': _variable_on_cpu('b_fc2', [192], tf.constant_initializer(0.1)),
        'fc3': _variable_on_cpu('b_fc3', [NUM_CLASSES], tf.constant_initializer(0.0)),
    }
    return weights, biases


def cov_network(images, weights, biases, keep_prob):
    conv = tf.nn.conv2d(images, weights['cov1'], [1, 1, 1, 1], padding='SAME')
    conv1 = tf.nn.relu(tf.nn.bias_add(conv, biases['cov1']))
    pool1 = tf.nn.max_pool(conv1, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME', name='pool1')
    norm1 = tf.nn.lrn(pool1, 4, bias=1.0, alpha=0.001 / 9.0, beta=0.75, name='norm1')
    conv = tf.nn.conv2d(norm1, weights['cov2'], [1, 1, 1, 1], padding='SAME')
    conv2 = tf.nn.relu(tf.nn.bias_add(conv, biases['cov2']))
    norm2 = tf.nn.lrn(conv2, 4, bias=1.0, alpha=0.001 / 9.0, beta=0.75, name='norm2')
    pool2 = tf.nn.max_pool(norm2, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME', name='pool2')
    reshape = tf.reshape(pool2, [-1, 6 * 6 * 64])
    local3 = tf.nn.dropout(tf.nn.relu(tf.matmul(reshape, weights['fc1']) + biases['fc1']), keep_prob)
    local4 = tf.nn.dropout(tf.nn.relu(tf.matmul(local3, weights['fc2']) + biases['fc2']), keep_prob)
    return tf.add(tf.matmul(local4, weights['fc3']), biases['fc3'])


def loss(logits, labels):
    cross_entropy = tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits,
                                                            name='cross_entropy_per_example')
    cross_entropy_mean = tf.reduce_mean(cross_entropy, name='cross_entropy')
    tf.add_to_collection('losses', cross_entropy_mean)
    return tf.add_n(tf.get_collection('losses'), name='total_loss')


def mask_gradients(grads_and_vars, weights, weights_mask):
    new_grads = []
    for grad, var in grads_and_vars:
        for key in weights:
            if weights[key] is var:
                grad = tf.multiply(tf.constant(weights_mask[key], dtype=tf.float32), grad)
        new_grads.append((grad, var))
    return new_grads


def main(argv=None):
    with open('./mask/mask.pkl', 'rb') as f:
        weights_mask, biases_mask = pickle.load(f)
    x = tf.placeholder(tf.float32, [None, 24, 24, num_channels], name='x')
    y = tf.placeholder(tf.float32, [None, num_classes], name='y')
    keep_prob = tf.placeholder(tf.float32)

    weights, biases = initialize_variables()
    logits = cov_network(x, weights, biases, keep_prob)
    total_loss = loss(logits, y)

    opt = tf.train.AdamOptimizer(1e-4)
    grads = opt.compute_gradients(total_loss)
    train_step = opt.apply_gradients(mask_gradients(grads, weights, weights_mask))

    images_train, labels_train = cifar10.load_training_data()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for i in range(30000):
            idx = np.random.choice(len(images_train), 128, replace=False)
            _, l = sess.run([train_step, total_loss],
                            feed_dict={x: images_train[idx][:, 4:28, 4:28, :], y: labels_train[idx], keep_prob: 0.8})
            if i % 1000 == 0:
                print('step %d loss %.4f' % (i, l))


if __name__ == '__main__':
    sys.exit(main())
