# Idiom seen in: iWangLimin/RSF config.py
# Idiom seen in: iWangLimin/RSF module.py
# Idiom seen in: iWangLimin/RSF model.py
# Idiom seen in: iWangLimin/RSF train.py
# What it reproduces: GF-2 pan-sharpening net; conv kernels push 0.5*mean(w^2) into a custom 'weight_decay'
#   collection, Model.loss adds mean(collection)*TC.weight_dacay to the MSE, and train.py minimizes that loss (clean).
import tensorflow as tf


def variable_weight(name, initializer, shape, regularize=True):
    weight = tf.get_variable(name, shape, tf.float32, initializer)
    if regularize:
        tf.add_to_collection('weight_decay', tf.reduce_mean(tf.square(weight)) * 0.5)
    return weight


def conv(name, x, filter_num=64, kernel_size=3, strides=1, padding='SAME',
         activation='relu', is_training=True):
    with tf.variable_scope(name, reuse=tf.AUTO_REUSE):
        in_ch = x.get_shape().as_list()[-1]
        filters = variable_weight('kernel', tf.initializers.he_normal(),
                                  shape=[kernel_size, kernel_size, in_ch, filter_num],
                                  regularize=is_training)
        bias = variable_weight('bias', tf.zeros_initializer(), [filter_num], regularize=False)
        y = tf.nn.bias_add(tf.nn.conv2d(x, filters, [1, strides, strides, 1], padding), bias)
        if activation is None:
            return y
        if activation == 'lrelu':
            return tf.nn.leaky_relu(y)
        return tf.nn.relu(y)


def bottle_neck(name, x, out_channel=64, activation='relu', is_training=True):
    with tf.variable_scope(name, reuse=tf.AUTO_REUSE):
        return conv('conv', x, filter_num=out_channel, kernel_size=1,
                    activation=activation, is_training=is_training)


def dense_block(name, x, growth_rate=16, conv_num=4, is_training=True):
    with tf.variable_scope(name, reuse=tf.AUTO_REUSE):
        outputs = [x]
        for i in range(1, conv_num + 1):
            y = conv('conv%d' % i, tf.concat(outputs, -1), growth_rate, is_training=is_training)
            outputs.append(y)
        return tf.concat(outputs[1:], -1)
