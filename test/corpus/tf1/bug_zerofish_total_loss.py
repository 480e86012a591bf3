# Idiom seen in: crypt3lx2k/Zerofish model_fn.py
# What it reproduces: the repo's apply_regularization + get_total_loss(add_regularization_losses=False) pattern with
#   the tf.losses.add_loss(l2_loss) line dropped (a realistic edit; the real repo keeps it): the term only lands in
#   REGULARIZATION_LOSSES, which add_regularization_losses=False leaves out, and is otherwise only logged.
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import numpy as np
import tensorflow as tf

import go_input

flags = tf.app.flags
flags.DEFINE_string('model_dir', '/tmp/go9x9', 'checkpoint directory')
flags.DEFINE_string('train_glob', 'selfplay/*.tfrecord.zz', 'training games')
flags.DEFINE_integer('train_steps', 100000, 'number of training steps')
flags.DEFINE_float('l2_scale', 1e-4, 'L2 penalty on the kernels')
flags.DEFINE_float('learning_rate', 1e-2, 'learning rate')
FLAGS = flags.FLAGS

BOARD = 9


def kernel_getter(getter, *args, **kwargs):
    var = getter(*args, **kwargs)
    if kwargs['trainable'] and 'kernel' in kwargs['name']:
        tf.add_to_collection(tf.GraphKeys.WEIGHTS, var)
    return var


def tower(board, filters, blocks, training):
    net = tf.layers.conv2d(board, filters, 3, padding='same', use_bias=False, name='stem')
    net = tf.nn.relu(tf.layers.batch_normalization(net, training=training, name='stem_bn'))
    for i in range(blocks):
        with tf.variable_scope('block_%d' % i):
            branch = tf.layers.conv2d(net, filters, 3, padding='same', use_bias=False, name='c0')
            branch = tf.nn.relu(tf.layers.batch_normalization(branch, training=training, name='b0'))
            branch = tf.layers.conv2d(branch, filters, 3, padding='same', use_bias=False, name='c1')
            branch = tf.layers.batch_normalization(branch, training=training, name='b1')
            net = tf.nn.relu(net + branch)
    flat = tf.reshape(net, [-1, BOARD * BOARD * filters])
    policy = tf.layers.dense(flat, BOARD * BOARD + 1, name='policy')
    value = tf.nn.tanh(tf.layers.dense(tf.layers.dense(flat, 64, tf.nn.relu, name='v_fc'), 1, name='value'))
    return policy, value


def model_fn(features, labels, mode, params):
    training = mode == tf.estimator.ModeKeys.TRAIN
    with tf.variable_scope('net', custom_getter=kernel_getter):
        policy, value = tower(tf.cast(features['board'], tf.float32), params['filters'], params['blocks'], training)
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions={'policy': tf.nn.softmax(policy), 'value': value})

    tf.losses.softmax_cross_entropy(onehot_labels=labels['pi'], logits=policy)
    tf.losses.mean_squared_error(labels=labels['z'], predictions=tf.squeeze(value, 1))
    l2_loss = tf.contrib.layers.apply_regularization(tf.contrib.layers.l2_regularizer(params['l2_scale']))  # expect: WD101
    tf.summary.scalar('l2_loss', l2_loss)
    loss = tf.losses.get_total_loss(add_regularization_losses=False)
    tf.summary.scalar('total_loss', loss)

    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(mode, loss=loss)

    optimizer = tf.train.MomentumOptimizer(params['learning_rate'], momentum=0.9)
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = optimizer.minimize(loss, global_step=tf.train.get_or_create_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


def main(_):
    params = {'filters': 64, 'blocks': 6, 'l2_scale': FLAGS.l2_scale, 'learning_rate': FLAGS.learning_rate}
    estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.model_dir, params=params)
    estimator.train(input_fn=lambda: go_input.input_fn(FLAGS.train_glob, batch_size=256),
                    max_steps=FLAGS.train_steps)


if __name__ == '__main__':
    tf.app.run()
