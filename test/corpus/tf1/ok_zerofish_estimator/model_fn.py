# Idiom seen in: crypt3lx2k/Zerofish model_fn.py
# What it reproduces: an AlphaZero-style chess net whose custom_getter files kernels under GraphKeys.WEIGHTS;
#   apply_regularization(l2_regularizer(params['l2_scale'])) builds the L2 term, tf.losses.add_loss puts it in
#   LOSSES and get_total_loss(add_regularization_losses=False) sums LOSSES, which the optimizer minimizes. Clean.
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import numpy as np
import tensorflow as tf


def collection_getter(getter, *args, **kwargs):
    """Adds variables to relevant collections."""
    var = getter(*args, **kwargs)
    name = kwargs['name']
    if kwargs['trainable']:
        if 'kernel' in name:
            tf.add_to_collection(tf.GraphKeys.WEIGHTS, var)
        if 'bias' in name:
            tf.add_to_collection(tf.GraphKeys.BIASES, var)
    return var


def residual_module(net, training=False):
    filters = int(net.shape.as_list()[-1])
    with tf.variable_scope('branch'):
        branch = tf.layers.conv2d(net, filters, (3, 3), padding='SAME', name='conv_3x3_0/conv')
        branch = tf.layers.batch_normalization(branch, training=training, name='conv_3x3_0/norm')
        branch = tf.nn.relu(branch)
        branch = tf.layers.conv2d(branch, filters, (3, 3), padding='SAME', name='conv_3x3_1/conv')
        branch = tf.layers.batch_normalization(branch, training=training, name='conv_3x3_1/norm')
    with tf.variable_scope('residual'):
        net = tf.nn.relu(tf.layers.batch_normalization(net + branch, training=training, name='norm'))
    return net


def inference(inputs, filters, modules, n_classes, training=False):
    net = tf.cast(inputs, tf.float32, name='image_float')
    with tf.variable_scope('input'):
        net = tf.layers.conv2d(net, filters, (7, 7), padding='SAME', name='conv_7x7/conv')
        net = tf.nn.relu(tf.layers.batch_normalization(net, training=training, name='conv_7x7/norm'))
    for layer in range(modules):
        with tf.variable_scope('residual_{}'.format(layer)):
            net = residual_module(net, training=training)
    with tf.variable_scope('policy'):
        policy = tf.layers.conv2d(net, n_classes // (8 * 8), (1, 1), padding='SAME', name='logits')
        policy = tf.reshape(policy, [-1, int(np.prod(policy.shape.as_list()[1:]))])
    with tf.variable_scope('value'):
        value = tf.reshape(net, [-1, int(np.prod(net.shape.as_list()[1:]))])
        value = tf.nn.tanh(tf.layers.dense(value, 1, name='logits'))
    return policy, value


def model_fn(features, labels, mode, params):
    training = (mode == tf.estimator.ModeKeys.TRAIN)
    with tf.variable_scope('inference', custom_getter=collection_getter):
        policy, value = inference(features['image'], filters=params['filters'], modules=params['modules'],
                                  n_classes=params['n_classes'], training=training)

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={'policy': policy, 'value': value})

    with tf.variable_scope('losses'):
        tf.losses.mean_squared_error(labels=labels['value'], predictions=value, weights=1.0 / 4.0)
        tf.losses.softmax_cross_entropy(onehot_labels=labels['policy'], logits=policy, weights=1.0)
        l2_loss = tf.contrib.layers.apply_regularization(
            tf.contrib.layers.l2_regularizer(params['l2_scale']))
        tf.losses.add_loss(l2_loss)
        loss = tf.losses.get_total_loss(add_regularization_losses=False)
        tf.add_to_collection(tf.GraphKeys.LOSSES, loss)

    for loss_tensor in tf.get_collection(tf.GraphKeys.LOSSES):
        tf.summary.scalar(loss_tensor.name.split(':')[0] + '_summary', loss_tensor)

    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode, loss=loss)

    optimizer_fn = {
        'Adam': tf.train.AdamOptimizer,
        'RMSProp': tf.train.RMSPropOptimizer,
        'GradientDescent': tf.train.GradientDescentOptimizer,
    }[params.get('optimizer', 'Adam')]
    optimizer = optimizer_fn(params['learning_rate'])
    grads_and_tvars = optimizer.compute_gradients(loss)
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = optimizer.apply_gradients(grads_and_tvars, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)
