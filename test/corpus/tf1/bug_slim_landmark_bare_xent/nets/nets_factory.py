# Idiom seen in: Belafespud/ML_Project CNNs/google-landmark/nets/nets_factory.py
# What it reproduces: the slim nets_factory: get_network_fn(name, num_classes, weight_decay) returns a function that
#   enters the net's arg_scope (with the regularizer) around the net; the finding is in mini_vgg.py.
import functools

import tensorflow as tf

from nets import mini_vgg

slim = tf.contrib.slim

networks_map = {"mini_vgg": mini_vgg.mini_vgg}
arg_scopes_map = {"mini_vgg": mini_vgg.mini_vgg_arg_scope}


def get_network_fn(name, num_classes, weight_decay=0.0, is_training=False):
    if name not in networks_map:
        raise ValueError("Name of network unknown %s" % name)
    func = networks_map[name]

    @functools.wraps(func)
    def network_fn(images, **kwargs):
        arg_scope = arg_scopes_map[name](weight_decay=weight_decay)
        with slim.arg_scope(arg_scope):
            return func(images, num_classes, is_training=is_training, **kwargs)

    return network_fn
