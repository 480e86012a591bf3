# Idiom seen in: EvilDJ/Siamese_test Siamese/my_siamese.py
# What it reproduces: a slim Inception-style siamese tower; its arg_scope gives every conv/fc layer an
#   l2 weights_regularizer, and the contrastive siamese_loss is what train_siamese.py minimizes.
# label-note: the regularizer losses land in REGULARIZATION_LOSSES, which nothing reads (WD102 on the
#   weights_regularizer= line of the arg_scope, the only place the regularizer is set).
import tensorflow as tf

slim = tf.contrib.slim
trunc_normal = lambda stddev: tf.truncated_normal_initializer(0.0, stddev)


def siamese_loss(out1, out2, y, Q=5):
    Q = tf.constant(Q, name="Q", dtype=tf.float32)
    E_w = tf.sqrt(tf.reduce_sum(tf.square(out1 - out2), 1))
    pos = tf.multiply(tf.multiply(y, 2 / Q), tf.square(E_w))
    neg = tf.multiply(tf.multiply(1 - y, 2 * Q), tf.exp(-2.77 / Q * E_w))
    return tf.reduce_mean(pos + neg)


def siamese_arg_scope(weight_decay=4e-5, stddev=0.1):
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        weights_regularizer=slim.l2_regularizer(weight_decay),  # expect: WD102
                        weights_initializer=trunc_normal(stddev)):
        with slim.arg_scope([slim.conv2d], activation_fn=tf.nn.relu, padding='SAME') as sc:
            return sc


def siamese(inputs, drop_keep_prob=0.8, depth_multiplier=1.0, scope=None):
    depth = lambda d: max(int(d * depth_multiplier), 16)
    with slim.arg_scope(siamese_arg_scope()):
        with tf.variable_scope(scope, 'Siamese', [inputs]):
            net = slim.conv2d(inputs, depth(32), [3, 3], stride=2, scope='Conv2d_1a_3x3')
            net = slim.conv2d(net, depth(64), [3, 3], scope='Conv2d_2b_3x3')
            net = slim.max_pool2d(net, [3, 3], stride=2, scope='MaxPool_3a_3x3')
            with tf.variable_scope('Mixed_5b'):
                branch_0 = slim.conv2d(net, depth(64), [1, 1], scope='Conv2d_0a_1x1')
                branch_1 = slim.conv2d(net, depth(48), [1, 1], scope='Conv2d_0b_1x1')
                branch_1 = slim.conv2d(branch_1, depth(64), [5, 5], scope='Conv2d_0c_5x5')
                net = tf.concat(axis=3, values=[branch_0, branch_1])
            net = slim.flatten(net)
            net = slim.fully_connected(net, 512, scope='fc1')
            net = slim.dropout(net, drop_keep_prob, scope='drop1')
            net = slim.fully_connected(net, 2, activation_fn=None, scope='fc2')
    return net
