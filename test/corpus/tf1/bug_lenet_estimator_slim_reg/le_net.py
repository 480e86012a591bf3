# Idiom seen in: zhongh3/cs5242-project le_net.py
# Idiom seen in: zhongh3/cs5242-project model_fn.py
# What it reproduces: the real repository's bug: slim layers in le_net.py carry weights_regularizer=slim.l2_regularizer(...),
#   but the Estimator model_fn minimizes only the mean cross entropy with Adam, so REGULARIZATION_LOSSES is never read.
import tensorflow as tf
import tensorflow.contrib.slim as slim

WEIGHT_DECAY = 0.0005


def le_net(x_dict, in_height, in_width, n_classes, dropout, reuse, is_training):
    """LeNet-5 on single channel 64x64 patches; the second call reuses the variables."""
    with tf.variable_scope('LeNet', reuse=reuse):
        x = x_dict['file']
        x = tf.cast(tf.reshape(x, shape=[-1, in_height, in_width, 1]), tf.float32)

        init = tf.truncated_normal_initializer(stddev=0.01)
        net = slim.conv2d(x, 6, [5, 5], 1, padding='SAME', scope='conv1',
                          weights_initializer=init,
                          weights_regularizer=slim.l2_regularizer(WEIGHT_DECAY))  # expect: WD102
        net = slim.max_pool2d(net, [2, 2], scope='pool2')
        net = slim.conv2d(net, 16, [5, 5], 1, scope='conv3',
                          weights_initializer=init,
                          weights_regularizer=slim.l2_regularizer(WEIGHT_DECAY))  # expect: WD102
        net = slim.max_pool2d(net, [2, 2], scope='pool4')
        net = slim.conv2d(net, 120, [5, 5], 1, scope='conv5',
                          weights_initializer=init,
                          weights_regularizer=slim.l2_regularizer(WEIGHT_DECAY))  # expect: WD102
        net = slim.flatten(net, scope='flat6')
        net = slim.fully_connected(net, 84, scope='fc7')
        net = slim.dropout(net, dropout, is_training=is_training, scope='dropout8')
        out = slim.fully_connected(net, n_classes, activation_fn=None, scope='fc9')
    return out
