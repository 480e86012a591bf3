# Idiom seen in: accasio/3DPyraNet pyranet/layers/weighted_sum.py
# Idiom seen in: accasio/3DPyraNet pyranet/layers/applications.py
# What it reproduces: the weighted-sum 3D layer (one weight per receptive-field position), the fully connected layer
#   and the strict-norm network, all taking weight_decay and creating their weights with get_variable_with_decay.
import tensorflow as tf

from variables import get_variable_with_decay, ws3d_weight_initializer, ws3d_bias_initializer_like


def lrelu(x, alpha=0.01, name="lrelu"):
    with tf.name_scope(name):
        return tf.maximum(alpha * x, x, name=name)


def ws3d_layer(inputs, out_filters, rf=(3, 4, 4), act_fn=lrelu, initializer=None,
               weight_decay=None, name="weighted_sum_3d_layer"):
    with tf.variable_scope(name):
        _, d, h, w, c = map(int, inputs.shape)
        if not initializer:
            initializer = tf.truncated_normal_initializer()
        weights = ws3d_weight_initializer("weights", shape=(rf[0], h, w, c, out_filters),
                                          initializer=initializer, weight_decay=weight_decay)
        outputs = tf.nn.conv3d(inputs, weights, strides=(1, 1, 1, 1, 1), padding="SAME")
        bias = ws3d_bias_initializer_like("bias", outputs, initializer=tf.zeros_initializer())
        outputs = outputs + bias
        return act_fn(outputs) if act_fn else outputs


def fc_layer(inputs, weight_size, act_fn=lrelu, name="fc", weight_decay=None):
    with tf.variable_scope(name):
        flat = tf.layers.flatten(inputs)
        in_size = int(flat.shape[-1])
        weights = get_variable_with_decay("weights", shape=(in_size, weight_size),
                                          initializer=tf.truncated_normal_initializer(stddev=0.01),
                                          weight_decay=weight_decay)
        bias = get_variable_with_decay("bias", shape=(weight_size,), initializer=tf.zeros_initializer())
        outputs = tf.matmul(flat, weights) + bias
        return act_fn(outputs) if act_fn else outputs


def strict_norm_net(inputs, feature_maps=3, weight_decay=None):
    net = ws3d_layer(inputs, feature_maps, weight_decay=weight_decay, name="WS3D_1")
    net = tf.nn.max_pool3d(net, ksize=(1, 1, 2, 2, 1), strides=(1, 1, 2, 2, 1), padding="SAME")
    net = tf.layers.batch_normalization(net, name="BN_1")
    net = ws3d_layer(net, feature_maps, weight_decay=weight_decay, name="WS3D_2")
    net = tf.nn.max_pool3d(net, ksize=(1, 1, 2, 2, 1), strides=(1, 1, 2, 2, 1), padding="SAME")
    net = tf.layers.batch_normalization(net, name="BN_2")
    net = ws3d_layer(net, feature_maps, weight_decay=weight_decay, name="WS3D_3")
    return fc_layer(net, weight_size=512, name="FC_1", weight_decay=weight_decay)
