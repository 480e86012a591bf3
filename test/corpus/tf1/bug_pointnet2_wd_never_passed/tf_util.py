# Idiom seen in: charlesq34/pointnet2 utils/tf_util.py
# Idiom seen in: charlesq34/pointnet2 models/pointnet2_cls_ssg.py
# Idiom seen in: charlesq34/pointnet2 train.py
# What it reproduces: the CIFAR-style helper _variable_with_weight_decay is wired through conv2d and
#   fully_connected (weight_decay=None by default), but no layer call in the model passes weight_decay,
#   so the 'losses' collection only ever holds the classification loss: the decay code is dead (WD303).
""" Wrapper functions for TensorFlow layers. """

import tensorflow as tf


def _variable_on_cpu(name, shape, initializer, use_fp16=False):
  with tf.device("/cpu:0"):
    dtype = tf.float16 if use_fp16 else tf.float32
    var = tf.get_variable(name, shape, initializer=initializer, dtype=dtype)
  return var


def _variable_with_weight_decay(name, shape, stddev, wd, use_xavier=True):
  if use_xavier:
    initializer = tf.contrib.layers.xavier_initializer()
  else:
    initializer = tf.truncated_normal_initializer(stddev=stddev)
  var = _variable_on_cpu(name, shape, initializer)
  if wd is not None:  # expect: WD303
    weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
    tf.add_to_collection('losses', weight_decay)
  return var


def conv2d(inputs, num_output_channels, kernel_size, scope, stride=[1, 1],
           padding='SAME', use_xavier=True, stddev=1e-3, weight_decay=None,
           activation_fn=tf.nn.relu, bn=False, bn_decay=None, is_training=None):
  with tf.variable_scope(scope) as sc:
    kernel_h, kernel_w = kernel_size
    num_in_channels = inputs.get_shape()[-1].value
    kernel_shape = [kernel_h, kernel_w, num_in_channels, num_output_channels]
    kernel = _variable_with_weight_decay('weights', shape=kernel_shape,
                                         use_xavier=use_xavier, stddev=stddev,
                                         wd=weight_decay)
    stride_h, stride_w = stride
    outputs = tf.nn.conv2d(inputs, kernel, [1, stride_h, stride_w, 1], padding=padding)
    biases = _variable_on_cpu('biases', [num_output_channels], tf.constant_initializer(0.0))
    outputs = tf.nn.bias_add(outputs, biases)
    if bn:
      outputs = tf.contrib.layers.batch_norm(outputs, center=True, scale=True,
                                             is_training=is_training, decay=bn_decay,
                                             updates_collections=None, scope='bn')
    if activation_fn is not None:
      outputs = activation_fn(outputs)
    return outputs


def fully_connected(inputs, num_outputs, scope, use_xavier=True, stddev=1e-3,
                    weight_decay=None, activation_fn=tf.nn.relu, bn=False,
                    bn_decay=None, is_training=None):
  with tf.variable_scope(scope) as sc:
    num_input_units = inputs.get_shape()[-1].value
    weights = _variable_with_weight_decay('weights', shape=[num_input_units, num_outputs],
                                          use_xavier=use_xavier, stddev=stddev,
                                          wd=weight_decay)
    outputs = tf.matmul(inputs, weights)
    biases = _variable_on_cpu('biases', [num_outputs], tf.constant_initializer(0.0))
    outputs = tf.nn.bias_add(outputs, biases)
    if bn:
      outputs = tf.contrib.layers.batch_norm(outputs, center=True, scale=True,
                                             is_training=is_training, decay=bn_decay,
                                             updates_collections=None, scope='bn')
    if activation_fn is not None:
      outputs = activation_fn(outputs)
    return outputs


def dropout(inputs, is_training, scope, keep_prob=0.5):
  with tf.variable_scope(scope) as sc:
    return tf.cond(is_training,
                   lambda: tf.nn.dropout(inputs, keep_prob),
                   lambda: inputs)
