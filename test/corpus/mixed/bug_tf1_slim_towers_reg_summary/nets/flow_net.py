# Idiom seen in: baidu-research/UnDepthflow nets/pwc_flow.py
# What it reproduces: slim.arg_scope with weights_regularizer=slim.l2_regularizer(0.0004) around every conv of a feature pyramid and decoder, so the penalties go to REGULARIZATION_LOSSES. Bug (see train.py): that sum is only sent to TensorBoard.
import tensorflow as tf
import tensorflow.contrib.slim as slim


def leaky_relu(x, alpha=0.1):
    return tf.maximum(x, alpha * x)


def feature_pyramid(image, reuse):
    with tf.variable_scope('feature_net_flow'):
        with slim.arg_scope([slim.conv2d, slim.conv2d_transpose],
                            weights_regularizer=slim.l2_regularizer(0.0004),
                            activation_fn=leaky_relu, reuse=reuse):
            feats = []
            net = image
            for i, ch in enumerate([16, 32, 64, 96, 128, 192]):
                net = slim.conv2d(net, ch, [3, 3], stride=2, scope='cnv%d' % (2 * i + 1))
                net = slim.conv2d(net, ch, [3, 3], stride=1, scope='cnv%d' % (2 * i + 2))
                feats.append(net)
            return feats


def flow_decoder(inputs, level):
    with slim.arg_scope([slim.conv2d],
                        weights_regularizer=slim.l2_regularizer(0.0004),
                        activation_fn=leaky_relu):
        c1 = slim.conv2d(inputs, 128, [3, 3], scope='cnv1_fd_%d' % level)
        c2 = slim.conv2d(c1, 96, [3, 3], scope='cnv2_fd_%d' % level)
        c3 = slim.conv2d(c2, 64, [3, 3], scope='cnv3_fd_%d' % level)
        flow = slim.conv2d(c3, 2, [3, 3], scope='cnv4_fd_%d' % level, activation_fn=None)
        return flow


def construct_flow(image1, image2, reuse_scope):
    feat1 = feature_pyramid(image1, reuse=reuse_scope)
    feat2 = feature_pyramid(image2, reuse=True)
    with tf.variable_scope('flow_net', reuse=reuse_scope):
        flow = flow_decoder(tf.concat([feat1[-1], feat2[-1]], axis=3), level=6)
    return flow
