# Idiom seen in: wandou-cc/image-segmentation-models-tf nets/nets_factory.py
# Idiom seen in: wandou-cc/image-segmentation-models-tf nets/fcn.py
# What it reproduces: slim-style network factory; get_network_fn() enters the model's arg_scope (built by
#   fcn_arg_scope(weight_decay)) around the network function, so the weights_regularizer reaches every layer.
import functools

import tensorflow as tf

import fcn

slim = tf.contrib.slim

networks_map = {
    'fcn_32': fcn.fcn_32,
}

arg_scopes_map = {
    'fcn_32': fcn.fcn_arg_scope,
}


def get_network_fn(name, num_classes, weight_decay=0.0, is_training=False):
    if name not in networks_map:
        raise ValueError('Name of network unknown %s' % name)
    arg_scope = arg_scopes_map[name](weight_decay=weight_decay)
    func = networks_map[name]

    @functools.wraps(func)
    def network_fn(images):
        with slim.arg_scope(arg_scope):
            return func(images, num_classes, is_training=is_training)

    if hasattr(func, 'default_image_size'):
        network_fn.default_image_size = func.default_image_size
    return network_fn
