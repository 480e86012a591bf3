# Idiom seen in: liuyang079/vgg-tensorflow-cifar10 vgg.py
# Idiom seen in: liuyang079/vgg-tensorflow-cifar10 cifar10_vgg_train.py
# What it reproduces: create_variables() gives every tf.get_variable an l2_regularizer(FLAGS.weight_decay);
# the Train class adds tf.get_collection(REGULARIZATION_LOSSES) to the cross entropy and minimizes that sum. Clean.
import tensorflow as tf
from hyper_parameters import FLAGS

BN_EPSILON = 0.001


def create_variables(name, shape, initializer=tf.contrib.layers.xavier_initializer(), is_fc_layer=False):
    if is_fc_layer:
        regularizer = tf.contrib.layers.l2_regularizer(scale=FLAGS.fc_weight_decay)
    else:
        regularizer = tf.contrib.layers.l2_regularizer(scale=FLAGS.weight_decay)
    return tf.get_variable(name, shape=shape, initializer=initializer, regularizer=regularizer)


def batch_normalization_layer(input_layer, dimension):
    mean, variance = tf.nn.moments(input_layer, axes=[0, 1, 2])
    beta = tf.get_variable('beta', dimension, tf.float32, initializer=tf.constant_initializer(0.0))
    gamma = tf.get_variable('gamma', dimension, tf.float32, initializer=tf.constant_initializer(1.0))
    return tf.nn.batch_normalization(input_layer, mean, variance, beta, gamma, BN_EPSILON)


def conv_bn_relu_layer(input_layer, filter_shape, stride):
    kernel = create_variables(name='conv', shape=filter_shape)
    conv = tf.nn.conv2d(input_layer, kernel, strides=[1, stride, stride, 1], padding='SAME')
    return tf.nn.relu(batch_normalization_layer(conv, filter_shape[-1]))


def fc_layer(input_layer, num_output, is_relu=True):
    input_dim = input_layer.get_shape().as_list()[-1]
    fc_w = create_variables('fc_weights', [input_dim, num_output], is_fc_layer=True)
    fc_b = tf.get_variable('fc_bias', [num_output], initializer=tf.zeros_initializer())
    out = tf.matmul(input_layer, fc_w) + fc_b
    return tf.nn.relu(out) if is_relu else out


def inference_vgg(images, reuse):
    net = images
    for block, (depth, reps) in enumerate([(64, 2), (128, 2), (256, 4), (512, 4)]):
        for i in range(reps):
            with tf.variable_scope('conv%d_%d' % (block + 1, i + 1), reuse=reuse):
                in_ch = net.get_shape().as_list()[-1]
                net = conv_bn_relu_layer(net, [3, 3, in_ch, depth], 1)
        net = tf.nn.max_pool(net, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME')
    shape = net.get_shape().as_list()
    net = tf.reshape(net, [shape[0], shape[1] * shape[2] * shape[3]])
    with tf.variable_scope('fc6', reuse=reuse):
        net = fc_layer(net, 1024)
    with tf.variable_scope('fc7', reuse=reuse):
        logits = fc_layer(net, 10, is_relu=False)
    return logits
