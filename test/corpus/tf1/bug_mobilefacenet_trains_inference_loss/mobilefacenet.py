# Idiom seen in: sirius-ai/MobileFaceNet_TF train_nets.py
# Idiom seen in: sirius-ai/MobileFaceNet_TF utils/common.py
# Idiom seen in: sirius-ai/MobileFaceNet_TF nets/MobileFaceNet.py
# What it reproduces: slim weights_regularizer fills REGULARIZATION_LOSSES and train_nets.py sums them
# into total_loss (logged), but the train op is built from inference_loss (a user mistake in the repo's
# idiom; the repo trains total_loss): the sum of the regularization losses is never minimized.
"""MobileFaceNet backbone (slim)"""

import tensorflow as tf

slim = tf.contrib.slim


def inverted_block(net, expansion, out_channels, stride, scope):
    with tf.variable_scope(scope):
        in_channels = net.get_shape().as_list()[-1]
        x = slim.conv2d(net, in_channels * expansion, [1, 1], scope='expand')
        x = slim.separable_conv2d(x, None, [3, 3], depth_multiplier=1,
                                  stride=stride, scope='depthwise')
        x = slim.conv2d(x, out_channels, [1, 1], activation_fn=None,
                        scope='project')
        if stride == 1 and in_channels == out_channels:
            x = x + net
        return x


def inference(images, bottleneck_layer_size=128, phase_train=False,
              weight_decay=0.00005, reuse=False):
    batch_norm_params = {
        'decay': 0.995,
        'epsilon': 0.001,
        'updates_collections': None,
        'is_training': phase_train,
    }
    end_points = {}
    with tf.variable_scope('MobileFaceNet', [images], reuse=reuse):
        with slim.arg_scope([slim.conv2d, slim.separable_conv2d],
                            normalizer_fn=slim.batch_norm,
                            normalizer_params=batch_norm_params,
                            activation_fn=tf.nn.relu6):
            with slim.arg_scope([slim.conv2d],
                                weights_regularizer=slim.l2_regularizer(weight_decay)):
                net = slim.conv2d(images, 64, [3, 3], stride=2, scope='conv1')
                end_points['conv1'] = net
                net = inverted_block(net, 2, 64, 2, 'block1')
                net = inverted_block(net, 4, 128, 2, 'block2')
                net = inverted_block(net, 2, 128, 1, 'block3')
                net = inverted_block(net, 4, 128, 2, 'block4')
                net = slim.conv2d(net, 512, [1, 1], scope='conv_1x1')
                end_points['conv_1x1'] = net
                net = slim.separable_conv2d(net, None, [7, 7],
                                            depth_multiplier=1,
                                            padding='VALID', scope='gdconv')
                net = slim.conv2d(net, bottleneck_layer_size, [1, 1],
                                  activation_fn=None, scope='embedding')
                prelogits = tf.squeeze(net, [1, 2], name='prelogits')
    return prelogits, end_points
