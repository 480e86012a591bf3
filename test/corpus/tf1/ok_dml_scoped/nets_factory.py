# Idiom seen in: YingZhangDUT/Deep-Mutual-Learning nets/nets_factory.py
# What it reproduces: get_network_fn(name, num_classes, weight_decay) returns a function that builds a
#   slim network under an arg_scope with weights_regularizer=slim.l2_regularizer(weight_decay); the
#   regularizer terms land in REGULARIZATION_LOSSES under the network's scope. Clean (see train_models.py).
import functools

import tensorflow as tf

slim = tf.contrib.slim


def small_mobilenet(images, num_classes, is_training=True, scope='MobilenetV1'):
    with tf.variable_scope(scope, 'MobilenetV1', [images]):
        with slim.arg_scope([slim.batch_norm], is_training=is_training):
            net = slim.conv2d(images, 32, [3, 3], stride=2, normalizer_fn=slim.batch_norm, scope='Conv2d_0')
            for i, depth in enumerate([64, 128, 128, 256]):
                net = slim.separable_conv2d(net, None, [3, 3], depth_multiplier=1, stride=2 if i % 2 else 1,
                                            normalizer_fn=slim.batch_norm, scope='Conv2d_%d_depthwise' % (i + 1))
                net = slim.conv2d(net, depth, [1, 1], normalizer_fn=slim.batch_norm,
                                  scope='Conv2d_%d_pointwise' % (i + 1))
            net = tf.reduce_mean(net, [1, 2], keep_dims=True)
            logits = slim.conv2d(net, num_classes, [1, 1], activation_fn=None, normalizer_fn=None,
                                 scope='Logits')
            logits = tf.squeeze(logits, [1, 2])
            end_points = {'Predictions': tf.nn.softmax(logits)}
    return logits, end_points


def mobilenet_arg_scope(weight_decay=0.00004):
    regularizer = slim.l2_regularizer(weight_decay)
    with slim.arg_scope([slim.conv2d, slim.separable_conv2d],
                        weights_initializer=slim.variance_scaling_initializer(),
                        weights_regularizer=regularizer) as sc:
        return sc


networks_map = {'mobilenet_v1': small_mobilenet}
arg_scopes_map = {'mobilenet_v1': mobilenet_arg_scope}


def get_network_fn(name, num_classes, weight_decay=0.0, is_training=False):
    func = networks_map[name]

    @functools.wraps(func)
    def network_fn(images, scope):
        arg_scope = arg_scopes_map[name](weight_decay=weight_decay)
        with slim.arg_scope(arg_scope):
            return func(images, num_classes, is_training=is_training, scope=scope)
    network_fn.default_image_size = 224
    return network_fn
