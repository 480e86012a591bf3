# Idiom seen in: GeorgeSeif/Semantic-Segmentation-Suite builders/frontend_builder.py
# Idiom seen in: GeorgeSeif/Semantic-Segmentation-Suite train.py
# What it reproduces: the frontend is built inside slim.arg_scope(resnet_arg_scope()), which puts
#   slim.l2_regularizer(weight_decay) on every conv; train.py minimizes only the softmax cross entropy
#   (and passes --regularization to RMSProp's `decay`, which is not weight decay): REGULARIZATION_LOSSES is never read.
import tensorflow as tf
import tf_slim as slim


def resnet_arg_scope(weight_decay=0.0001,
                     batch_norm_decay=0.997,
                     batch_norm_epsilon=1e-5,
                     batch_norm_scale=True,
                     activation_fn=tf.nn.relu):
    batch_norm_params = {
        'decay': batch_norm_decay,
        'epsilon': batch_norm_epsilon,
        'scale': batch_norm_scale,
        'updates_collections': tf.compat.v1.GraphKeys.UPDATE_OPS,
    }
    with slim.arg_scope(
            [slim.conv2d],
            weights_regularizer=slim.l2_regularizer(weight_decay),  # expect: WD102
            weights_initializer=slim.variance_scaling_initializer(),
            activation_fn=activation_fn,
            normalizer_fn=slim.batch_norm,
            normalizer_params=batch_norm_params):
        with slim.arg_scope([slim.batch_norm], **batch_norm_params):
            with slim.arg_scope([slim.max_pool2d], padding='SAME') as arg_sc:
                return arg_sc


def bottleneck(inputs, depth, depth_bottleneck, stride, scope=None):
    with tf.compat.v1.variable_scope(scope, 'bottleneck_v2', [inputs]):
        preact = slim.batch_norm(inputs, activation_fn=tf.nn.relu, scope='preact')
        if stride == 1 and inputs.get_shape()[-1] == depth:
            shortcut = inputs
        else:
            shortcut = slim.conv2d(preact, depth, [1, 1], stride=stride,
                                   normalizer_fn=None, activation_fn=None, scope='shortcut')
        residual = slim.conv2d(preact, depth_bottleneck, [1, 1], stride=1, scope='conv1')
        residual = slim.conv2d(residual, depth_bottleneck, 3, stride=stride, scope='conv2')
        residual = slim.conv2d(residual, depth, [1, 1], stride=1,
                               normalizer_fn=None, activation_fn=None, scope='conv3')
        return shortcut + residual


def resnet_v2_50(inputs, is_training=True, scope='resnet_v2_50'):
    end_points = {}
    with tf.compat.v1.variable_scope(scope, 'resnet_v2', [inputs]):
        with slim.arg_scope([slim.batch_norm], is_training=is_training):
            net = slim.conv2d(inputs, 64, 7, stride=2, normalizer_fn=None,
                              activation_fn=None, scope='conv1')
            net = slim.max_pool2d(net, [3, 3], stride=2, scope='pool1')
            end_points['pool1'] = net
            for i, (depth, units, stride) in enumerate([(256, 3, 2), (512, 4, 2),
                                                         (1024, 6, 2), (2048, 3, 1)]):
                for u in range(units):
                    net = bottleneck(net, depth, depth // 4, stride if u == units - 1 else 1,
                                     scope='block%d/unit_%d' % (i + 1, u + 1))
                end_points['pool%d' % (i + 2)] = net
            net = slim.batch_norm(net, activation_fn=tf.nn.relu, scope='postnorm')
    return net, end_points
