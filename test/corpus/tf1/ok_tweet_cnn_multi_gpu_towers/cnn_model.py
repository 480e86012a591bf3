# Idiom seen in: bgshin/doc-classify-multi-gpu src/cnntw/cnn_model.py
# Idiom seen in: bgshin/doc-classify-multi-gpu src/cnntw/train_multi.py
# What it reproduces: a tweet-sentiment CNN on the CIFAR-10 multi-GPU template: _variable_with_weight_decay
#   (wd=None on the convs, wd=0.2 on the softmax layer) fills the "losses" collection, tower_loss sums
#   tf.get_collection("losses", namescope) and each tower computes gradients of that sum; the extra
#   dev tower only evaluates: clean.
import re

import tensorflow as tf

TOWER_NAME = 'tower'
NUM_CLASSES = 3


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


def _variable_with_weight_decay_xavier(name, shape, wd):
    var = _variable_on_cpu(name, shape, tf.contrib.layers.xavier_initializer())
    if wd is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def _activation_summary(x):
    tensor_name = re.sub('%s_[0-9]*/' % TOWER_NAME, '', x.op.name)
    tf.summary.histogram(tensor_name + '/activations', x)


def inference(txts, dropout_keep_prob=1.0):
    sequence_length, embedding_size, num_filters = 60, 400, 64
    filter_sizes = [2, 3, 4, 5]
    pooled_outputs = []
    for filter_size in filter_sizes:
        with tf.variable_scope("conv-maxpool-%s" % filter_size) as scope:
            kernel = _variable_with_weight_decay('weights',
                                                 shape=[filter_size, embedding_size, 1, num_filters],
                                                 stddev=0.1, wd=None)
            conv = tf.nn.conv2d(txts, kernel, [1, 1, 1, 1], padding='VALID')
            biases = _variable_on_cpu('biases', [num_filters], tf.constant_initializer(0.0))
            conv_out = tf.nn.relu(tf.nn.bias_add(conv, biases), name=scope.name)
            _activation_summary(conv_out)
            pooled = tf.nn.max_pool(conv_out, ksize=[1, sequence_length - filter_size + 1, 1, 1],
                                    strides=[1, 1, 1, 1], padding='VALID', name='pool1')
            pooled_outputs.append(tf.nn.lrn(pooled, 4, bias=1.0, alpha=0.001 / 9.0, beta=0.75))
    num_filters_total = num_filters * len(filter_sizes)
    h_pool_flat = tf.reshape(tf.concat(pooled_outputs, 3), [-1, num_filters_total])
    h_drop = tf.nn.dropout(h_pool_flat, dropout_keep_prob)
    with tf.variable_scope('softmax_linear') as scope:
        weights = _variable_with_weight_decay_xavier('weights', [num_filters_total, NUM_CLASSES],
                                                     wd=0.2)
        biases = _variable_on_cpu('biases', [NUM_CLASSES], tf.constant_initializer(0.1))
        softmax_linear = tf.add(tf.matmul(h_drop, weights), biases, name=scope.name)
    return softmax_linear


def loss(logits, labels):
    cross_entropy = tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=labels,
                                                            name='cross_entropy_per_example')
    cross_entropy_mean = tf.reduce_mean(cross_entropy, name='cross_entropy')
    tf.add_to_collection('losses', cross_entropy_mean)
    correct = tf.equal(tf.argmax(logits, 1), tf.argmax(labels, 1))
    accuracy = tf.reduce_mean(tf.cast(correct, "float"), name="accuracy")
    return tf.add_n(tf.get_collection('losses'), name='total_loss'), accuracy
