# Idiom seen in: WindChimeRan/Deep-Satellite network/resnext_atrous.py
# Idiom seen in: WindChimeRan/Deep-Satellite train_resnext.py
# What it reproduces: every weight of a ResNeXt/atrous building-footprint segmenter is made by a helper that passes
#   regularizer=l2_regularizer(FLAGS.weight_decay) to tf.get_variable, but loss() returns only the sigmoid cross
#   entropy and train_resnext.py minimizes that: REGULARIZATION_LOSSES is never read (bug of the original repo).
from __future__ import print_function
import tensorflow as tf

FLAGS = tf.app.flags.FLAGS

NUM_OF_CLASSES = 1
IMAGE_SIZE = 100
BN_EPSILON = 0.001
dtype = tf.float32


def create_variables(name, shape, initializer=tf.contrib.layers.xavier_initializer(), is_fc_layer=False):
    '''Create a variable with tf.get_variable(); fc layers may get their own decay one day.'''
    if is_fc_layer is True:
        regularizer = tf.contrib.layers.l2_regularizer(scale=FLAGS.weight_decay)
    else:
        regularizer = tf.contrib.layers.l2_regularizer(scale=FLAGS.weight_decay)
    new_variables = tf.get_variable(name=name, shape=shape, initializer=initializer, regularizer=regularizer)  # expect: WD102
    return new_variables


def batch_normalization_layer(input_layer, dimension):
    mean, variance = tf.nn.moments(input_layer, axes=[0, 1, 2])
    beta = tf.get_variable('beta', dimension, tf.float32, initializer=tf.constant_initializer(0.0, tf.float32))
    gamma = tf.get_variable('gamma', dimension, tf.float32, initializer=tf.constant_initializer(1.0, tf.float32))
    return tf.nn.batch_normalization(input_layer, mean, variance, beta, gamma, BN_EPSILON)


def conv_bn_relu_layer(input_layer, filter_shape, stride, rate=1):
    out_channel = filter_shape[-1]
    filt = create_variables(name='conv', shape=filter_shape)
    if rate > 1:
        conv_layer = tf.nn.atrous_conv2d(input_layer, filt, rate=rate, padding='SAME')
    else:
        conv_layer = tf.nn.conv2d(input_layer, filt, strides=[1, stride, stride, 1], padding='SAME')
    bn_layer = batch_normalization_layer(conv_layer, out_channel)
    return tf.nn.relu(bn_layer)


def bottleneck_b(input_layer, stride, rate):
    input_channel = input_layer.get_shape().as_list()[-1]
    split_list = []
    for i in range(FLAGS.cardinality):
        with tf.variable_scope('split_%i' % i):
            conv1 = conv_bn_relu_layer(input_layer, [1, 1, input_channel, FLAGS.block_unit_depth], stride)
            with tf.variable_scope('atrous'):
                conv2 = conv_bn_relu_layer(conv1, [3, 3, FLAGS.block_unit_depth, FLAGS.block_unit_depth], 1, rate)
            split_list.append(conv2)
    concat = tf.concat(split_list, axis=3)
    with tf.variable_scope('intermediate'):
        return conv_bn_relu_layer(concat, [1, 1, concat.get_shape().as_list()[-1], input_channel], 1)


def inference(x, keep_probability):
    with tf.variable_scope('stem'):
        net = conv_bn_relu_layer(x, [3, 3, 3, 64], 1)
    for i in range(FLAGS.num_resnext_blocks):
        with tf.variable_scope('block_%d' % i):
            net = net + bottleneck_b(net, 1, rate=2 ** (i + 1))
    net = tf.nn.dropout(net, keep_prob=keep_probability)
    with tf.variable_scope('score'):
        w = create_variables(name='score_weights', shape=[1, 1, 64, NUM_OF_CLASSES], is_fc_layer=True)
        b = create_variables(name='score_bias', shape=[NUM_OF_CLASSES], initializer=tf.zeros_initializer())
        logits = tf.nn.conv2d(net, w, strides=[1, 1, 1, 1], padding='SAME') + b
    pred_annotation = tf.sigmoid(logits)
    return pred_annotation, logits


def loss(x, y, keep_probability):
    pred_annotation, logits = inference(x, keep_probability)
    loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=tf.squeeze(logits), labels=tf.cast(y, dtype)))
    # loss_area = tf.reduce_mean(tf.abs(tf.reduce_sum(tf.squeeze(logits)) - tf.reduce_sum(tf.cast(y, dtype))))
    # loss = loss + loss_area
    return pred_annotation, loss


def iou(pred_annotation, annotation):
    pred = tf.cast(tf.squeeze(pred_annotation) > 0.5, dtype)
    inter = tf.reduce_sum(pred * annotation)
    union = tf.reduce_sum(pred) + tf.reduce_sum(annotation) - inter
    return inter / (union + 1e-7)
