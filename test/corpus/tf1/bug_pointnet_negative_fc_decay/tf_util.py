# Idiom seen in: charlesq34/pointnet utils/tf_util.py
# Idiom seen in: charlesq34/pointnet models/pointnet_cls.py
# What it reproduces: PointNet's layer wrappers: conv2d/fully_connected take weight_decay (default 0.0)
# and hand it to the CIFAR-10 style helper, which adds wd * l2_loss(kernel) to the 'losses' collection.
import tensorflow as tf


def _variable_on_cpu(name, shape, initializer):
    with tf.device('/cpu:0'):
        var = tf.get_variable(name, shape, initializer=initializer, dtype=tf.float32)
    return var


def _variable_with_weight_decay(name, shape, stddev, wd, use_xavier=True):
    if use_xavier:
        initializer = tf.contrib.layers.xavier_initializer()
    else:
        initializer = tf.truncated_normal_initializer(stddev=stddev)
    var = _variable_on_cpu(name, shape, initializer)
    if wd is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)
    return var


def conv2d(inputs, num_output_channels, kernel_size, scope, stride=[1, 1], padding='SAME',
           stddev=1e-3, weight_decay=0.0, activation_fn=tf.nn.relu, bn=False, bn_decay=None,
           is_training=None):
    with tf.variable_scope(scope):
        kernel_h, kernel_w = kernel_size
        num_in_channels = inputs.get_shape()[-1].value
        kernel = _variable_with_weight_decay('weights',
                                             shape=[kernel_h, kernel_w, num_in_channels,
                                                    num_output_channels],
                                             stddev=stddev, wd=weight_decay)
        outputs = tf.nn.conv2d(inputs, kernel, [1, stride[0], stride[1], 1], padding=padding)
        biases = _variable_on_cpu('biases', [num_output_channels], tf.constant_initializer(0.0))
        outputs = tf.nn.bias_add(outputs, biases)
        if bn:
            outputs = tf.contrib.layers.batch_norm(outputs, decay=bn_decay or 0.9,
                                                   is_training=is_training, scope='bn')
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return outputs


def fully_connected(inputs, num_outputs, scope, stddev=1e-3, weight_decay=0.0,
                    activation_fn=tf.nn.relu, bn=False, bn_decay=None, is_training=None):
    with tf.variable_scope(scope):
        num_input_units = inputs.get_shape()[-1].value
        weights = _variable_with_weight_decay('weights', shape=[num_input_units, num_outputs],
                                              stddev=stddev, wd=weight_decay)
        outputs = tf.nn.bias_add(tf.matmul(inputs, weights),
                                 _variable_on_cpu('biases', [num_outputs], tf.constant_initializer(0.0)))
        if bn:
            outputs = tf.contrib.layers.batch_norm(outputs, decay=bn_decay or 0.9,
                                                   is_training=is_training, scope='bn')
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return outputs


def max_pool2d(inputs, kernel_size, scope, stride=[2, 2], padding='VALID'):
    with tf.variable_scope(scope) as sc:
        return tf.nn.max_pool(inputs, ksize=[1, kernel_size[0], kernel_size[1], 1],
                              strides=[1, stride[0], stride[1], 1], padding=padding, name=sc.name)
