# Idiom seen in: XMUMATH/SOR resnet_my.py
# What it reproduces: create_variables() puts each weight's l2 term into the collection 'losses',
#   while the training script (cifar10_train.py) sums tf.GraphKeys.REGULARIZATION_LOSSES, a different
#   collection; the real repo has this key mismatch, so none of the decay terms is ever trained (WD101).
import numpy as np
import tensorflow as tf
from hyper_parameters import FLAGS


def create_variables(name, shape, wl=FLAGS.weight_decay, is_fc_layer=False):
    if is_fc_layer:
        stddev = np.sqrt(2.0 / shape[0])
    else:
        stddev = np.sqrt(2.0 / (shape[0] * shape[1] * shape[2]))
    var = tf.get_variable(name, shape, initializer=tf.random_normal_initializer(stddev=stddev))
    weight_loss = tf.multiply(tf.nn.l2_loss(var), wl, name='weight_loss')
    tf.add_to_collection('losses', weight_loss)  # expect: WD101
    return var


def batch_normalization_layer(input_layer, dimension):
    mean, variance = tf.nn.moments(input_layer, axes=[0, 1, 2])
    beta = tf.get_variable('beta', dimension, tf.float32, initializer=tf.constant_initializer(0.0))
    gamma = tf.get_variable('gamma', dimension, tf.float32, initializer=tf.constant_initializer(1.0))
    return tf.nn.batch_normalization(input_layer, mean, variance, beta, gamma, 0.001)


def bn_relu_conv_layer(input_layer, filter_shape, stride):
    in_channel = input_layer.get_shape().as_list()[-1]
    relu_layer = tf.nn.relu(batch_normalization_layer(input_layer, in_channel))
    kernel = create_variables(name='conv', shape=filter_shape)
    return tf.nn.conv2d(relu_layer, kernel, strides=[1, stride, stride, 1], padding='SAME')


def residual_block(input_layer, output_channel):
    input_channel = input_layer.get_shape().as_list()[-1]
    stride = 2 if input_channel * 2 == output_channel else 1
    with tf.variable_scope('conv1_in_block'):
        conv1 = bn_relu_conv_layer(input_layer, [3, 3, input_channel, output_channel], stride)
    with tf.variable_scope('conv2_in_block'):
        conv2 = bn_relu_conv_layer(conv1, [3, 3, output_channel, output_channel], 1)
    if stride == 2:
        pooled = tf.nn.avg_pool(input_layer, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='VALID')
        input_layer = tf.pad(pooled, [[0, 0], [0, 0], [0, 0], [input_channel // 2, input_channel // 2]])
    return conv2 + input_layer


def inference(images, n, reuse):
    with tf.variable_scope('conv0', reuse=reuse):
        kernel = create_variables(name='conv', shape=[3, 3, 3, 16])
        net = tf.nn.relu(tf.nn.conv2d(images, kernel, [1, 1, 1, 1], padding='SAME'))
    for stage, channels in enumerate([16, 32, 64]):
        for i in range(n):
            with tf.variable_scope('conv%d_%d' % (stage + 1, i), reuse=reuse):
                net = residual_block(net, channels if (i > 0 or stage == 0) else channels)
    with tf.variable_scope('fc', reuse=reuse):
        pooled = tf.reduce_mean(tf.nn.relu(net), [1, 2])
        fc_w = create_variables(name='fc_weights', shape=[64, 10], is_fc_layer=True)
        fc_b = tf.get_variable('fc_bias', [10], initializer=tf.zeros_initializer())
        return tf.matmul(pooled, fc_w) + fc_b
