# Idiom seen in: charlesq34/pointnet2 utils/tf_util.py
# Idiom seen in: charlesq34/pointnet2 part_seg/train.py
# What it reproduces: a user turns weight decay on for the part-segmentation head (weight_decay=WEIGHT_DECAY
#   on the conv1d layers), but part_seg/train.py minimizes the `loss` get_loss returns, as the real script
#   does, never tf.add_n(tf.get_collection('losses')): the decay terms are collected and dropped (WD101).
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
    tf.add_to_collection('losses', weight_decay)  # expect: WD101
  return var


def conv1d(inputs, num_output_channels, kernel_size, scope, stride=1, padding='SAME',
           use_xavier=True, stddev=1e-3, weight_decay=None, activation_fn=tf.nn.relu,
           bn=False, bn_decay=None, is_training=None):
  with tf.variable_scope(scope) as sc:
    num_in_channels = inputs.get_shape()[-1].value
    kernel_shape = [kernel_size, num_in_channels, num_output_channels]
    kernel = _variable_with_weight_decay('weights', shape=kernel_shape,
                                         use_xavier=use_xavier, stddev=stddev,
                                         wd=weight_decay)
    outputs = tf.nn.conv1d(inputs, kernel, stride=stride, padding=padding)
    biases = _variable_on_cpu('biases', [num_output_channels], tf.constant_initializer(0.0))
    outputs = tf.nn.bias_add(outputs, biases)
    if bn:
      outputs = tf.contrib.layers.batch_norm(outputs, center=True, scale=True,
                                             is_training=is_training, decay=bn_decay,
                                             updates_collections=None, scope='bn')
    if activation_fn is not None:
      outputs = activation_fn(outputs)
    return outputs


def dropout(inputs, is_training, scope, keep_prob=0.5):
  with tf.variable_scope(scope):
    return tf.cond(is_training, lambda: tf.nn.dropout(inputs, keep_prob), lambda: inputs)
