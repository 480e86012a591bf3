# Idiom seen in: conan7882/GoogLeNet-Inception src/models/layers.py
# What it reproduces: conv/linear helpers with an `if wd > 0:` L2-regularizer guard; every model the
#   workspace builds passes wd=0 (or the default 0), so the decay code never runs (real repository).
import tensorflow as tf
from tensorflow.contrib.framework import add_arg_scope


def batch_norm(x, train=True, name='bn'):
    return tf.contrib.layers.batch_norm(x, decay=0.9, updates_collections=None, epsilon=1e-5,
                                        scale=False, is_training=train, scope=name)


@add_arg_scope
def conv(filter_size, out_dim, layer_dict, inputs=None, stride=1, padding='SAME', init_w=None,
         init_b=tf.zeros_initializer(), wd=0, bn=False, is_training=True, trainable=True,
         nl=tf.identity, name='conv'):
    if inputs is None:
        inputs = layer_dict['cur_input']
    in_dim = inputs.get_shape().as_list()[-1]
    with tf.variable_scope(name):
        if wd > 0:  # expect: WD303
            regularizer = tf.contrib.layers.l2_regularizer(scale=wd)
        else:
            regularizer = None
        weights = tf.get_variable('weights', [filter_size, filter_size, in_dim, out_dim],
                                  initializer=init_w, trainable=trainable, regularizer=regularizer)
        biases = tf.get_variable('biases', [out_dim], initializer=init_b, trainable=trainable)
        out = tf.nn.bias_add(tf.nn.conv2d(inputs, weights, strides=[1, stride, stride, 1],
                                          padding=padding), biases)
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
        inputs = tf.layers.flatten(inputs)
        in_dim = inputs.get_shape().as_list()[1]
        if wd > 0:  # expect: WD303
            regularizer = tf.contrib.layers.l2_regularizer(scale=wd)
        else:
            regularizer = None
        weights = tf.get_variable('weights', shape=[in_dim, out_dim], initializer=init_w,
                                  regularizer=regularizer, trainable=trainable)
        biases = tf.get_variable('biases', shape=[out_dim], initializer=init_b, trainable=trainable)
        act = tf.nn.xw_plus_b(inputs, weights, biases)
        if bn:
            act = batch_norm(act, train=is_training, name='bn')
        result = nl(act, name='output')
        if layer_dict is not None:
            layer_dict['cur_input'] = result
            layer_dict[name] = result
        return result


def max_pool(layer_dict, inputs=None, name='max_pool', filter_size=2, stride=2, padding='SAME'):
    if inputs is None:
        inputs = layer_dict['cur_input']
    out = tf.nn.max_pool(inputs, ksize=[1, filter_size, filter_size, 1],
                         strides=[1, stride, stride, 1], padding=padding, name=name)
    layer_dict['cur_input'] = out
    return out
