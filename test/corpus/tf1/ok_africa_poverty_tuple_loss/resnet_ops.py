# Idiom seen in: sustainlab-group/africa_poverty models/hyperspectral_resnet.py
# What it reproduces: a ResNet op library whose _get_variable wraps tf.get_variable and passes
#   regularizer=l2_regularizer(weight_decay) when weight_decay > 0 (conv_reg / fc_reg from flags).
import tensorflow as tf

RESNET_VARIABLES = 'resnet_variables'
BN_DECAY = 0.9997


def _get_variable(name, shape, initializer, weight_decay=0.0, dtype=tf.float32, trainable=True):
    if weight_decay > 0:
        regularizer = tf.contrib.layers.l2_regularizer(weight_decay)
    else:
        regularizer = None
    collections = [tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.TRAINABLE_VARIABLES, RESNET_VARIABLES]
    return tf.get_variable(name, shape=shape, initializer=initializer, dtype=dtype,
                           regularizer=regularizer, collections=collections, trainable=trainable)


def conv(x, c):
    filters_in = x.get_shape()[-1]
    shape = [c['ksize'], c['ksize'], filters_in, c['conv_filters_out']]
    initializer = tf.variance_scaling_initializer(scale=2.0, mode='fan_out', distribution='normal')
    weights = _get_variable('weights', shape=shape, initializer=initializer, weight_decay=c['conv_reg'])
    return tf.nn.conv2d(x, weights, [1, c['stride'], c['stride'], 1], padding='SAME')


def bn(x, c):
    return tf.layers.batch_normalization(x, momentum=BN_DECAY, training=c['is_training'])


def fc(x, c):
    num_units_in = x.get_shape()[1]
    weights = _get_variable('weights', shape=[num_units_in, c['fc_units_out']],
                            initializer=tf.truncated_normal_initializer(stddev=0.01),
                            weight_decay=c['fc_reg'])
    biases = _get_variable('biases', shape=[c['fc_units_out']], initializer=tf.zeros_initializer())
    return tf.nn.xw_plus_b(x, weights, biases)


def inference(x, is_training, num_outputs, conv_reg=0.001, fc_reg=0.001, num_blocks=(2, 2, 2, 2)):
    c = {'is_training': is_training, 'conv_reg': conv_reg, 'fc_reg': fc_reg,
         'ksize': 3, 'stride': 1, 'conv_filters_out': 64, 'fc_units_out': num_outputs}
    with tf.variable_scope('scale1'):
        c['ksize'], c['stride'] = 7, 2
        x = tf.nn.relu(bn(conv(x, c), c))
    filters = 64
    for s, n in enumerate(num_blocks):
        for i in range(n):
            with tf.variable_scope('scale%d_block%d' % (s + 2, i + 1)):
                c['ksize'], c['stride'] = 3, (2 if (i == 0 and s > 0) else 1)
                c['conv_filters_out'] = filters
                x = tf.nn.relu(bn(conv(x, c), c))
        filters *= 2
    features = tf.reduce_mean(x, axis=[1, 2])
    with tf.variable_scope('fc'):
        outputs = fc(features, c)
    return outputs, features
