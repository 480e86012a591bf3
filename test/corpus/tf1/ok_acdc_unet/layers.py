# Idiom seen in: baumgach/acdc_segmenter tfwrapper/layers.py
# Idiom seen in: baumgach/acdc_segmenter model.py
# Idiom seen in: baumgach/acdc_segmenter train.py
# What it reproduces: cardiac MRI U-Net; get_weight_variable puts kernels in a custom 'weight_variables' collection,
#   model.loss builds weight_decay * sum(l2_loss) from it, returns (total, xent, norm) and train.py minimizes the total (clean).
import tensorflow as tf
from tensorflow.contrib.layers import variance_scaling_initializer, xavier_initializer


def get_weight_variable(shape, name=None, type='he_normal', regularize=True):
    if type == 'he_normal':
        initial = variance_scaling_initializer(uniform=False, factor=2.0, mode='FAN_IN')
    else:
        initial = xavier_initializer(uniform=True)
    weight = tf.get_variable(name, shape=shape, initializer=initial)
    if regularize:
        tf.add_to_collection('weight_variables', weight)
    return weight


def get_bias_variable(shape, name=None, init_value=0.0):
    return tf.get_variable(name, initializer=tf.constant(init_value, shape=shape, dtype=tf.float32))


def batch_normalisation_layer(bottom, name, training):
    return tf.contrib.layers.batch_norm(inputs=bottom, decay=0.99, epsilon=1e-3, is_training=training,
                                        scope=name, center=True, scale=True)


def conv2D_layer(bottom, name, kernel_size=(3, 3), num_filters=32, activation=tf.nn.relu, add_bias=True):
    in_ch = bottom.get_shape().as_list()[-1]
    with tf.variable_scope(name):
        weights = get_weight_variable([kernel_size[0], kernel_size[1], in_ch, num_filters], name='W')
        op = tf.nn.conv2d(bottom, filter=weights, strides=[1, 1, 1, 1], padding='SAME')
        if add_bias:
            op = tf.nn.bias_add(op, get_bias_variable([num_filters], name='b'))
        return activation(op)


def conv2D_layer_bn(bottom, name, training, num_filters=32):
    conv = conv2D_layer(bottom, name, num_filters=num_filters, activation=tf.identity, add_bias=False)
    return tf.nn.relu(batch_normalisation_layer(conv, name + '_bn', training))


def max_pool_layer2d(x):
    return tf.nn.max_pool(x, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME')


def deconv2D_layer_bn(bottom, name, training, num_filters=32):
    shape = tf.shape(bottom)
    in_ch = bottom.get_shape().as_list()[-1]
    out_shape = tf.stack([shape[0], shape[1] * 2, shape[2] * 2, num_filters])
    with tf.variable_scope(name):
        weights = get_weight_variable([4, 4, num_filters, in_ch], name='W')
        op = tf.nn.conv2d_transpose(bottom, weights, out_shape, [1, 2, 2, 1], padding='SAME')
    return tf.nn.relu(batch_normalisation_layer(op, name + '_bn', training))
