# Idiom seen in: conan7882/GoogLeNet-Inception src/models/inception_module.py
# What it reproduces: inception blocks and the auxiliary classifier, which forward their wd argument to
#   the guarded conv/linear helpers through arg_scope.
import tensorflow as tf
from tensorflow.contrib.framework import add_arg_scope, arg_scope

import layers as L


@add_arg_scope
def inception_layer(conv_11_size, conv_33_reduce_size, conv_33_size, conv_55_reduce_size,
                    conv_55_size, pool_size, layer_dict, inputs=None, bn=False, wd=0,
                    init_w=None, is_training=True, trainable=True, name='inception'):
    if inputs is None:
        inputs = layer_dict['cur_input']
    with arg_scope([L.conv], layer_dict=layer_dict, bn=bn, nl=tf.nn.relu, init_w=init_w,
                   trainable=trainable, is_training=is_training, wd=wd):
        conv_11 = L.conv(1, conv_11_size, inputs=inputs, name='{}_1x1'.format(name))
        L.conv(1, conv_33_reduce_size, inputs=inputs, name='{}_3x3_reduce'.format(name))
        conv_33 = L.conv(3, conv_33_size, name='{}_3x3'.format(name))
        L.conv(1, conv_55_reduce_size, inputs=inputs, name='{}_5x5_reduce'.format(name))
        conv_55 = L.conv(5, conv_55_size, name='{}_5x5'.format(name))
        L.max_pool(layer_dict, inputs=inputs, stride=1, filter_size=3, name='{}_pool'.format(name))
        convpool = L.conv(1, pool_size, name='{}_pool_proj'.format(name))
    output = tf.concat([conv_11, conv_33, conv_55, convpool], 3, name='{}_concat'.format(name))
    layer_dict['cur_input'] = output
    layer_dict[name] = output
    return output


def auxiliary_classifier(layer_dict, n_class, keep_prob, inputs, bn=False, wd=0, init_w=None,
                         is_training=True, trainable=True, name='auxiliary_classifier'):
    with tf.variable_scope(name):
        net = tf.layers.average_pooling2d(inputs, pool_size=5, strides=3)
        net = L.conv(1, 128, layer_dict, inputs=net, bn=bn, nl=tf.nn.relu, init_w=init_w,
                     wd=wd, is_training=is_training, trainable=trainable, name='conv')
        net = L.linear(1024, layer_dict, inputs=net, init_w=init_w, wd=wd, nl=tf.nn.relu,
                       trainable=trainable, name='fc_1')
        net = tf.nn.dropout(net, keep_prob)
        return L.linear(n_class, layer_dict, inputs=net, init_w=init_w, wd=wd,
                        trainable=trainable, name='fc_2')
