# Idiom seen in: wzzheng/HDML lib/nn_Ops.py
# Idiom seen in: wzzheng/HDML main_npair.py
# What it reproduces: weight_variable() puts wd * l2_loss(W) into a "weight_losses" collection, but the
# training script minimizes only the N-pair metric loss; nothing ever sums that collection.
import os

import numpy as np
import tensorflow as tf

WEIGHT_DECAY = 5e-4


def weight_variable(shape, name, wd=True):
    """Create a weight; when wd is set its L2 term is put in the 'weight_losses' collection."""
    initializer = tf.glorot_uniform_initializer()
    weight = tf.get_variable(name='weight' + name, shape=shape, initializer=initializer)
    if wd:
        weight_loss = tf.multiply(tf.nn.l2_loss(weight), WEIGHT_DECAY, name='weight_loss' + name)
        tf.add_to_collection('weight_losses', weight_loss)  # expect: WD101
    return weight


def bias_variable(shape, name):
    return tf.get_variable(name='bias' + name, shape=shape, initializer=tf.constant_initializer(0))


def bn_block(embedding, normal, is_Training, name, reuse=False):
    if normal:
        with tf.variable_scope(name, reuse=reuse):
            embedding = tf.layers.batch_normalization(inputs=embedding, center=True, scale=True,
                                                      training=is_Training, fused=True)
    return embedding


def fc_block(embedding, in_d, out_d, name, is_bn, is_relu, is_Training=True, reuse=False):
    with tf.variable_scope(name, reuse=reuse):
        W_fc = weight_variable([in_d, out_d], name + 'w')
        b_fc = bias_variable([out_d], name + 'b')
        embedding = tf.matmul(embedding, W_fc) + b_fc
        if is_relu:
            embedding = tf.nn.relu(embedding)
        if is_bn:
            embedding = bn_block(embedding, normal=True, is_Training=is_Training, name=name + 'BN')
        return embedding


def training(loss, lr, var_scope='None'):
    loss = tf.cond(tf.is_nan(loss), true_fn=lambda: tf.constant(0.), false_fn=lambda: loss)
    with tf.name_scope('Training'):
        extra_update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(extra_update_ops):
            if var_scope != 'None':
                var_list = [v for v in tf.trainable_variables() if v.name.startswith(var_scope)]
                train_step = tf.train.AdamOptimizer(lr).minimize(loss, var_list=var_list)
            else:
                train_step = tf.train.AdamOptimizer(lr).minimize(loss)
            return train_step


def batch_data(batch, image_mean):
    x_batch_data, c_batch_data = batch
    x_batch_data = np.transpose(x_batch_data[:, [2, 1, 0], :, :], (0, 2, 3, 1))
    return x_batch_data - image_mean, c_batch_data
