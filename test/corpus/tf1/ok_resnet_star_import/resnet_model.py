# Idiom seen in: ry/tensorflow-resnet resnet.py
# What it reproduces: a _get_variable wrapper that attaches tf.contrib.layers.l2_regularizer only when weight_decay > 0 (conv and fc weights pass non-zero constants, biases/BN params keep the 0.0 default), and a loss() that adds REGULARIZATION_LOSSES to the cross entropy (clean).
import tensorflow as tf
from tensorflow.python.training import moving_averages

MOVING_AVERAGE_DECAY = 0.9997
BN_DECAY = MOVING_AVERAGE_DECAY
BN_EPSILON = 0.001
CONV_WEIGHT_DECAY = 0.00004
CONV_WEIGHT_STDDEV = 0.1
FC_WEIGHT_DECAY = 0.00004
FC_WEIGHT_STDDEV = 0.01
RESNET_VARIABLES = "resnet_variables"
UPDATE_OPS_COLLECTION = "resnet_update_ops"


def _get_variable(name, shape, initializer, weight_decay=0.0, dtype="float", trainable=True):
    if weight_decay > 0:
        regularizer = tf.contrib.layers.l2_regularizer(weight_decay)
    else:
        regularizer = None
    collections = [tf.GraphKeys.GLOBAL_VARIABLES, RESNET_VARIABLES]
    return tf.get_variable(name, shape=shape, initializer=initializer, dtype=dtype,
                           regularizer=regularizer, collections=collections, trainable=trainable)


def conv(x, c):
    shape = [c["ksize"], c["ksize"], x.get_shape()[-1], c["conv_filters_out"]]
    weights = _get_variable("weights", shape=shape,
                            initializer=tf.truncated_normal_initializer(stddev=CONV_WEIGHT_STDDEV),
                            weight_decay=CONV_WEIGHT_DECAY)
    return tf.nn.conv2d(x, weights, [1, c["stride"], c["stride"], 1], padding="SAME")


def bn(x, c):
    params_shape = x.get_shape()[-1:]
    axis = list(range(len(x.get_shape()) - 1))
    beta = _get_variable("beta", params_shape, initializer=tf.zeros_initializer())
    gamma = _get_variable("gamma", params_shape, initializer=tf.ones_initializer())
    moving_mean = _get_variable("moving_mean", params_shape, initializer=tf.zeros_initializer(), trainable=False)
    moving_var = _get_variable("moving_variance", params_shape, initializer=tf.ones_initializer(), trainable=False)
    mean, variance = tf.nn.moments(x, axis)
    tf.add_to_collection(UPDATE_OPS_COLLECTION, moving_averages.assign_moving_average(moving_mean, mean, BN_DECAY))
    tf.add_to_collection(UPDATE_OPS_COLLECTION, moving_averages.assign_moving_average(moving_var, variance, BN_DECAY))
    mean, variance = tf.cond(c["is_training"], lambda: (mean, variance), lambda: (moving_mean, moving_var))
    return tf.nn.batch_normalization(x, mean, variance, beta, gamma, BN_EPSILON)


def fc(x, c):
    weights = _get_variable("weights", shape=[x.get_shape()[1], c["fc_units_out"]],
                            initializer=tf.truncated_normal_initializer(stddev=FC_WEIGHT_STDDEV),
                            weight_decay=FC_WEIGHT_STDDEV)
    biases = _get_variable("biases", shape=[c["fc_units_out"]], initializer=tf.zeros_initializer())
    return tf.nn.xw_plus_b(x, weights, biases)


def block(x, c):
    shortcut = x
    with tf.variable_scope("A"):
        x = tf.nn.relu(bn(conv(x, c), c))
    with tf.variable_scope("B"):
        c["stride"] = 1
        x = bn(conv(x, c), c)
    if shortcut.get_shape()[-1] != x.get_shape()[-1]:
        with tf.variable_scope("shortcut"):
            c["ksize"] = 1
            shortcut = bn(conv(shortcut, dict(c, stride=c["stack_stride"])), c)
            c["ksize"] = 3
    return tf.nn.relu(x + shortcut)


def inference_small(x, is_training, num_blocks=3, num_classes=10):
    c = {"is_training": tf.convert_to_tensor(is_training, dtype="bool"), "ksize": 3, "stride": 1,
         "fc_units_out": num_classes}
    with tf.variable_scope("scale1"):
        c["conv_filters_out"] = 16
        x = tf.nn.relu(bn(conv(x, c), c))
    for scale, filters in ((2, 16), (3, 32), (4, 64)):
        with tf.variable_scope("scale%d" % scale):
            c["conv_filters_out"] = filters
            c["stack_stride"] = 1 if scale == 2 else 2
            for n in range(num_blocks):
                c["stride"] = c["stack_stride"] if n == 0 else 1
                with tf.variable_scope("block%d" % (n + 1)):
                    x = block(x, c)
    x = tf.reduce_mean(x, axis=[1, 2], name="avg_pool")
    with tf.variable_scope("fc"):
        return fc(x, c)


def loss(logits, labels):
    cross_entropy = tf.nn.sparse_softmax_cross_entropy_with_logits(logits=logits, labels=labels)
    cross_entropy_mean = tf.reduce_mean(cross_entropy)
    regularization_losses = tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES)
    loss_ = tf.add_n([cross_entropy_mean] + regularization_losses)
    tf.summary.scalar("loss", loss_)
    return loss_
