# Idiom seen in: jingyi1997/CosFace networks/sphere_network.py
# Idiom seen in: jingyi1997/CosFace train/train_multi_gpu.py
# What it reproduces: a SphereFace-style face embedding net built with tf.layers and a unit-scale
#   l2_regularizer(1.0) on kernels/PReLU alphas; the trainer scales the collected REGULARIZATION_LOSSES by
#   --weight_decay and adds them to every tower's loss. Clean.
import numpy as np
import tensorflow as tf

l2_regularizer = tf.contrib.layers.l2_regularizer(1.0)
xavier = tf.contrib.layers.xavier_initializer_conv2d()


def prelu(x, name='prelu'):
    with tf.variable_scope(name):
        alphas = tf.get_variable('alpha', x.get_shape()[-1], initializer=tf.constant_initializer(0.25),
                                 regularizer=l2_regularizer, dtype=tf.float32)
    return tf.nn.relu(x) + alphas * (x - abs(x)) * 0.5


def first_conv(inputs, num_output, name):
    with tf.variable_scope(name):
        net = tf.layers.conv2d(inputs, num_output, kernel_size=[3, 3], strides=(2, 2), padding='same',
                               kernel_initializer=xavier, kernel_regularizer=l2_regularizer,
                               bias_regularizer=l2_regularizer)
        return prelu(net)


def block(inputs, num_output, name):
    with tf.variable_scope(name):
        net = tf.layers.conv2d(inputs, num_output, kernel_size=[3, 3], padding='same', use_bias=False,
                               kernel_initializer=tf.random_normal_initializer(stddev=0.01),
                               kernel_regularizer=l2_regularizer)
        net = prelu(net, name='prelu_1')
        net = tf.layers.conv2d(net, num_output, kernel_size=[3, 3], padding='same', use_bias=False,
                               kernel_initializer=tf.random_normal_initializer(stddev=0.01),
                               kernel_regularizer=l2_regularizer)
        net = prelu(net, name='prelu_2')
        return inputs + net


def infer(inputs, embedding_size=512):
    with tf.variable_scope('conv1_'):
        network = first_conv(inputs, 64, name='conv1')
        network = block(network, 64, name='conv1_23')
    with tf.variable_scope('conv2_'):
        network = first_conv(network, 128, name='conv2')
        network = block(network, 128, name='conv2_23')
    with tf.variable_scope('conv3_'):
        network = first_conv(network, 256, name='conv3')
        network = block(network, 256, name='conv3_23')
    with tf.variable_scope('feature'):
        dims = network.get_shape().as_list()
        feature = tf.layers.dense(tf.reshape(network, [dims[0], np.prod(dims[1:])]), embedding_size,
                                  kernel_regularizer=l2_regularizer, kernel_initializer=xavier)
    return feature


def cos_loss(x, y, num_cls, reuse=False, alpha=0.25, scale=64, name='cos_loss'):
    xs = x.get_shape()
    with tf.variable_scope('centers_var', reuse=reuse):
        w = tf.get_variable('centers', [xs[1], num_cls], dtype=tf.float32,
                            initializer=tf.contrib.layers.xavier_initializer(), regularizer=l2_regularizer)
    x_feat_norm = tf.nn.l2_normalize(x, 1, 1e-10)
    w_feat_norm = tf.nn.l2_normalize(w, 0, 1e-10)
    xw_norm = tf.matmul(x_feat_norm, w_feat_norm)
    margin_xw_norm = xw_norm - alpha
    label_onehot = tf.one_hot(y, num_cls)
    value = scale * tf.where(tf.equal(label_onehot, 1), margin_xw_norm, xw_norm)
    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=value), name=name)
