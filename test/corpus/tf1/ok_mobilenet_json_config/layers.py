# Idiom seen in: MG2033/MobileNet layers.py
# What it reproduces: conv wrappers forward l2_strength down to __variable_with_weight_decay, which adds
#   wd * l2_loss(w) to REGULARIZATION_LOSSES when wd is set; the model sums that collection into its loss (clean).
import tensorflow as tf


def __variable_with_weight_decay(kernel_shape, initializer, wd):
    w = tf.get_variable('weights', kernel_shape, tf.float32, initializer=initializer)
    collection_name = tf.GraphKeys.REGULARIZATION_LOSSES
    if wd and (not tf.get_variable_scope().reuse):
        weight_decay = tf.multiply(tf.nn.l2_loss(w), wd, name='w_loss')
        tf.add_to_collection(collection_name, weight_decay)
    return w


def __conv2d_p(name, x, w=None, num_filters=16, kernel_size=(3, 3), padding='SAME', stride=(1, 1),
               initializer=tf.contrib.layers.xavier_initializer(), l2_strength=0.0, bias=0.0):
    with tf.variable_scope(name):
        stride = [1, stride[0], stride[1], 1]
        kernel_shape = [kernel_size[0], kernel_size[1], x.shape[-1], num_filters]
        if w is None:
            w = __variable_with_weight_decay(kernel_shape, initializer, l2_strength)
        bias = tf.get_variable('biases', [num_filters], initializer=tf.constant_initializer(bias))
        return tf.nn.bias_add(tf.nn.conv2d(x, w, stride, padding), bias)


def conv2d(name, x, w=None, num_filters=16, kernel_size=(3, 3), padding='SAME', stride=(1, 1),
           initializer=tf.contrib.layers.xavier_initializer(), l2_strength=0.0, bias=0.0,
           activation=None, batchnorm_enabled=False, is_training=True):
    with tf.variable_scope(name) as scope:
        conv_o_b = __conv2d_p(scope, x=x, w=w, num_filters=num_filters, kernel_size=kernel_size,
                              stride=stride, padding=padding, initializer=initializer,
                              l2_strength=l2_strength, bias=bias)
        if batchnorm_enabled:
            conv_o_b = tf.layers.batch_normalization(conv_o_b, training=is_training)
        return activation(conv_o_b) if activation else conv_o_b


def depthwise_separable_conv2d(name, x, num_filters, width_multiplier, stride, l2_strength,
                               batchnorm_enabled, is_training, activation=tf.nn.relu6):
    in_channels = int(x.shape[-1])
    with tf.variable_scope(name):
        dw_w = __variable_with_weight_decay([3, 3, in_channels, 1],
                                            tf.contrib.layers.xavier_initializer(), l2_strength)
        dw = tf.nn.depthwise_conv2d(x, dw_w, [1, stride[0], stride[1], 1], 'SAME')
        if batchnorm_enabled:
            dw = tf.layers.batch_normalization(dw, training=is_training)
        dw = activation(dw)
        return conv2d('pointwise', dw, num_filters=int(round(num_filters * width_multiplier)),
                      kernel_size=(1, 1), l2_strength=l2_strength, activation=activation,
                      batchnorm_enabled=batchnorm_enabled, is_training=is_training)
