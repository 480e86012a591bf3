# Idiom seen in: conan7882/VGG-cifar src/models/layers.py
# What it reproduces: arg-scoped conv/linear helpers that turn wd > 0 into a get_variable(regularizer=...)
#   L2 regularizer; the VGG loss never reads REGULARIZATION_LOSSES, so wd=5e-3 trains with no decay
#   (bug of the real repository).
import tensorflow as tf
from tensorflow.contrib.framework import add_arg_scope


def batch_norm(x, train=True, name='bn'):
    return tf.contrib.layers.batch_norm(x, decay=0.9, updates_collections=None, epsilon=1e-5,
                                        scale=False, is_training=train, scope=name)


@add_arg_scope
def conv(filter_size, out_dim, layer_dict, inputs=None, stride=1, padding='SAME',
         init_w=None, init_b=tf.zeros_initializer(), wd=0, bn=False, is_training=True,
         trainable=True, nl=tf.identity, name='conv'):
    if inputs is None:
        inputs = layer_dict['cur_input']
    in_dim = inputs.get_shape().as_list()[-1]
    with tf.variable_scope(name):
        if wd > 0:
            regularizer = tf.contrib.layers.l2_regularizer(scale=wd)
        else:
            regularizer = None
        weights = tf.get_variable('weights',
                                  [filter_size, filter_size, in_dim, out_dim],
                                  initializer=init_w,
                                  trainable=trainable,
                                  regularizer=regularizer)  # expect: WD102
        biases = tf.get_variable('biases', [out_dim], initializer=init_b, trainable=trainable)
        out = tf.nn.conv2d(inputs, weights, strides=[1, stride, stride, 1], padding=padding)
        out = tf.nn.bias_add(out, biases)
        if bn:
            out = batch_norm(out, train=is_training, name='bn')
        out = nl(out, name='output')
        layer_dict['cur_input'] = out
        layer_dict[name] = out
        return out


@add_arg_scope
def linear(out_dim, layer_dict=None, inputs=None, init_w=None, init_b=tf.zeros_initializer(),
           wd=0, bn=False, is_training=True, trainable=True, nl=tf.identity, name='Linear'):
    with tf.variable_scope(name):
        if inputs is None:
            inputs = layer_dict['cur_input']
        in_dim = inputs.get_shape().as_list()[1]
        if wd > 0:
            regularizer = tf.contrib.layers.l2_regularizer(scale=wd)
        else:
            regularizer = None
        weights = tf.get_variable('weights', shape=[in_dim, out_dim], initializer=init_w,
                                  regularizer=regularizer, trainable=trainable)  # expect: WD102
        biases = tf.get_variable('biases', shape=[out_dim], initializer=init_b, trainable=trainable)
        act = tf.nn.xw_plus_b(inputs, weights, biases)
        if bn:
            act = batch_norm(act, train=is_training, name='bn')
        result = nl(act, name='output')
        if layer_dict is not None:
            layer_dict['cur_input'] = result
            layer_dict[name] = result
        return result


def max_pool(layer_dict, name='max_pool', filter_size=2, stride=2, padding='SAME'):
    out = tf.nn.max_pool(layer_dict['cur_input'], ksize=[1, filter_size, filter_size, 1],
                         strides=[1, stride, stride, 1], padding=padding, name=name)
    layer_dict['cur_input'] = out
    return out


def global_avg_pool(x, name='global_avg_pool'):
    return tf.reduce_mean(x, axis=[1, 2], name=name)
