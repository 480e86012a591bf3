# Idiom seen in: tengyu-liu/TouchFilter coop_code/utils/tf_util.py
# Idiom seen in: tengyu-liu/TouchFilter coop_code/model.py
# What it reproduces: PointNet's tf_util layer wrappers; _variable_with_weight_decay puts
#   wd * l2_loss(var) into the 'weight_decay' collection for each conv/fc kernel given weight_decay.
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
        tf.add_to_collection('weight_decay', weight_decay)
    return var


def conv2d(inputs, num_output_channels, kernel_size, scope, stride=[1, 1], padding='SAME',
           stddev=1e-3, weight_decay=0.0, activation_fn=tf.nn.relu):
    with tf.variable_scope(scope):
        kernel_h, kernel_w = kernel_size
        num_in_channels = inputs.get_shape()[-1].value
        kernel = _variable_with_weight_decay('weights',
                                             shape=[kernel_h, kernel_w, num_in_channels, num_output_channels],
                                             stddev=stddev, wd=weight_decay)
        outputs = tf.nn.conv2d(inputs, kernel, [1, stride[0], stride[1], 1], padding=padding)
        biases = _variable_on_cpu('biases', [num_output_channels], tf.constant_initializer(0.0))
        outputs = tf.nn.bias_add(outputs, biases)
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return outputs


def fully_connected(inputs, num_outputs, scope, stddev=1e-3, weight_decay=0.0, activation_fn=tf.nn.relu):
    with tf.variable_scope(scope):
        num_input_units = inputs.get_shape()[-1].value
        weights = _variable_with_weight_decay('weights', shape=[num_input_units, num_outputs],
                                              stddev=stddev, wd=weight_decay)
        outputs = tf.matmul(inputs, weights)
        biases = _variable_on_cpu('biases', [num_outputs], tf.constant_initializer(0.0))
        outputs = tf.nn.bias_add(outputs, biases)
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return outputs


def pointnet_features(point_cloud, scope, weight_decay):
    with tf.variable_scope(scope):
        net = tf.expand_dims(point_cloud, -1)
        net = conv2d(net, 64, [1, point_cloud.get_shape()[-1].value], 'conv1', padding='VALID',
                     weight_decay=weight_decay)
        net = conv2d(net, 128, [1, 1], 'conv2', padding='VALID', weight_decay=weight_decay)
        net = conv2d(net, 1024, [1, 1], 'conv3', padding='VALID', weight_decay=weight_decay)
        return tf.reduce_max(net, axis=[1, 2])
