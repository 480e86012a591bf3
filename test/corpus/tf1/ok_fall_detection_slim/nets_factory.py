# Idiom seen in: Technica-Corporation/TF-Movidius-Finetune nets/nets_factory.py
# Idiom seen in: Technica-Corporation/TF-Movidius-Finetune nets/mobilenet_v1.py
# What it reproduces: a slim nets_factory whose get_network_fn(weight_decay=...) wraps the net in its own arg_scope
#   (weights_regularizer=slim.l2_regularizer(weight_decay)); train.py minimizes tf.losses.get_total_loss(), which
#   includes the regularization losses. Clean.
import functools
import tensorflow as tf

slim = tf.contrib.slim


def mobilenet_small_arg_scope(weight_decay=0.00004, is_training=True, batch_norm_decay=0.9997):
    batch_norm_params = {'is_training': is_training, 'center': True, 'scale': True,
                         'decay': batch_norm_decay, 'epsilon': 0.001}
    regularizer = tf.contrib.layers.l2_regularizer(weight_decay)
    with slim.arg_scope([slim.conv2d, slim.separable_conv2d],
                        weights_initializer=tf.truncated_normal_initializer(stddev=0.09),
                        activation_fn=tf.nn.relu6, normalizer_fn=slim.batch_norm):
        with slim.arg_scope([slim.batch_norm], **batch_norm_params):
            with slim.arg_scope([slim.conv2d], weights_regularizer=regularizer):
                with slim.arg_scope([slim.separable_conv2d], weights_regularizer=None) as sc:
                    return sc


def mobilenet_small(inputs, num_classes=2, is_training=True, depth_multiplier=0.5, scope='MobilenetSmall'):
    end_points = {}
    depth = lambda d: max(int(d * depth_multiplier), 8)
    with tf.variable_scope(scope, 'MobilenetSmall', [inputs]):
        net = slim.conv2d(inputs, depth(32), [3, 3], stride=2, scope='Conv2d_0')
        for i, (stride, d) in enumerate([(1, 64), (2, 128), (1, 128), (2, 256), (1, 256), (2, 512)]):
            net = slim.separable_conv2d(net, None, [3, 3], depth_multiplier=1, stride=stride,
                                        scope='Conv2d_%d_depthwise' % (i + 1))
            net = slim.conv2d(net, depth(d), [1, 1], scope='Conv2d_%d_pointwise' % (i + 1))
        net = tf.reduce_mean(net, [1, 2], keepdims=True, name='global_pool')
        net = slim.dropout(net, keep_prob=0.999, is_training=is_training)
        logits = slim.conv2d(net, num_classes, [1, 1], activation_fn=None, normalizer_fn=None, scope='Logits')
        logits = tf.squeeze(logits, [1, 2], name='SpatialSqueeze')
        end_points['Logits'] = logits
        end_points['Predictions'] = slim.softmax(logits, scope='Predictions')
    return logits, end_points


networks_map = {'mobilenet_small': mobilenet_small}
arg_scopes_map = {'mobilenet_small': mobilenet_small_arg_scope}


def get_network_fn(name, num_classes, weight_decay=0.0, is_training=False):
    if name not in networks_map:
        raise ValueError('Name of network unknown %s' % name)
    func = networks_map[name]

    @functools.wraps(func)
    def network_fn(images):
        arg_scope = arg_scopes_map[name](weight_decay=weight_decay, is_training=is_training)
        with slim.arg_scope(arg_scope):
            return func(images, num_classes, is_training=is_training)
    return network_fn
