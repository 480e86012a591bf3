# Idiom seen in: dgurkaynak/tensorflow-cnn-finetune resnet/model.py
# Idiom seen in: dgurkaynak/tensorflow-cnn-finetune resnet/finetune.py
# What it reproduces: _get_variable() builds an l2_regularizer only under "if weight_decay > 0:" and the loss
# sums REGULARIZATION_LOSSES, but every call passes 0.0 (both decay constants are zeroed): the decay is dead.
import tensorflow as tf
from tensorflow.python.training import moving_averages

NUM_BLOCKS = {50: [3, 4, 6, 3], 101: [3, 4, 23, 3]}
CONV_WEIGHT_DECAY = 0.0
CONV_WEIGHT_STDDEV = 0.1
FC_WEIGHT_DECAY = 0.0
FC_WEIGHT_STDDEV = 0.01
BN_DECAY = 0.9997
BN_EPSILON = 0.001


class ResNetModel(object):

    def __init__(self, is_training, depth=50, num_classes=1000):
        self.is_training = is_training
        self.num_classes = num_classes
        self.num_blocks = NUM_BLOCKS[depth]

    def inference(self, x):
        with tf.variable_scope('scale1'):
            x = tf.nn.relu(bn(conv(x, ksize=7, stride=2, filters_out=64), self.is_training))
        x = tf.nn.max_pool(x, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')
        for i, filters in enumerate([64, 128, 256, 512]):
            with tf.variable_scope('scale%d' % (i + 2)):
                for n in range(self.num_blocks[i]):
                    with tf.variable_scope('block%d' % (n + 1)):
                        stride = 2 if (n == 0 and i > 0) else 1
                        x = tf.nn.relu(bn(conv(x, ksize=3, stride=stride, filters_out=filters), self.is_training))
        avg_pool = tf.reduce_mean(x, reduction_indices=[1, 2], name='avg_pool')
        with tf.variable_scope('fc'):
            self.prob = fc(avg_pool, num_units_out=self.num_classes)
        return self.prob

    def loss(self, batch_x, batch_y=None):
        y_predict = self.inference(batch_x)
        cross_entropy = tf.nn.softmax_cross_entropy_with_logits(logits=y_predict, labels=batch_y)
        cross_entropy_mean = tf.reduce_mean(cross_entropy)
        regularization_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
        self.loss = tf.add_n([cross_entropy_mean] + regularization_losses)
        return self.loss

    def optimize(self, learning_rate, train_layers=[]):
        var_list = [v for v in tf.trainable_variables() if v.name.split('/')[0] in train_layers]
        return tf.train.AdamOptimizer(learning_rate).minimize(self.loss, var_list=var_list)


def _get_variable(name, shape, initializer, weight_decay=0.0, dtype='float', trainable=True):
    "A little wrapper around tf.get_variable to do weight decay"
    if weight_decay > 0:  # expect: WD303
        regularizer = tf.contrib.layers.l2_regularizer(weight_decay)
    else:
        regularizer = None
    return tf.get_variable(name, shape=shape, initializer=initializer, dtype=dtype,
                           regularizer=regularizer, trainable=trainable)


def conv(x, ksize, stride, filters_out):
    filters_in = x.get_shape()[-1]
    shape = [ksize, ksize, filters_in, filters_out]
    initializer = tf.truncated_normal_initializer(stddev=CONV_WEIGHT_STDDEV)
    weights = _get_variable('weights', shape=shape, initializer=initializer, weight_decay=CONV_WEIGHT_DECAY)
    return tf.nn.conv2d(x, weights, [1, stride, stride, 1], padding='SAME')


def bn(x, is_training):
    params_shape = x.get_shape()[-1:]
    axis = list(range(len(x.get_shape()) - 1))
    beta = _get_variable('beta', params_shape, initializer=tf.zeros_initializer())
    gamma = _get_variable('gamma', params_shape, initializer=tf.ones_initializer())
    moving_mean = _get_variable('moving_mean', params_shape, initializer=tf.zeros_initializer(), trainable=False)
    moving_variance = _get_variable('moving_variance', params_shape, initializer=tf.ones_initializer(), trainable=False)
    mean, variance = tf.nn.moments(x, axis)
    tf.add_to_collection('resnet_update_ops', moving_averages.assign_moving_average(moving_mean, mean, BN_DECAY))
    tf.add_to_collection('resnet_update_ops', moving_averages.assign_moving_average(moving_variance, variance, BN_DECAY))
    mean, variance = tf.cond(is_training, lambda: (mean, variance), lambda: (moving_mean, moving_variance))
    return tf.nn.batch_normalization(x, mean, variance, beta, gamma, BN_EPSILON)


def fc(x, num_units_out):
    num_units_in = x.get_shape()[1]
    weights_initializer = tf.truncated_normal_initializer(stddev=FC_WEIGHT_STDDEV)
    weights = _get_variable('weights', shape=[num_units_in, num_units_out], initializer=weights_initializer,
                            weight_decay=FC_WEIGHT_DECAY)
    biases = _get_variable('biases', shape=[num_units_out], initializer=tf.zeros_initializer())
    return tf.nn.xw_plus_b(x, weights, biases)
