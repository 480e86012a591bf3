# Idiom seen in: knowmefly/Youth-AI-SelfImprovement inception-google/utils.py (inception_arg_scope)
# What it reproduces: a network module whose arg_scope puts weights_regularizer on conv/fc weights
#   and batch norm on the convolutions; the network function itself never mentions decay.
import tensorflow as tf

slim = tf.contrib.slim


def net_arg_scope(weight_decay=0.00004, batch_norm_decay=0.9997, batch_norm_epsilon=0.001,
                  activation_fn=tf.nn.relu):
  batch_norm_params = {
      'decay': batch_norm_decay,
      'epsilon': batch_norm_epsilon,
      'updates_collections': tf.GraphKeys.UPDATE_OPS,
      'fused': None,
  }
  with slim.arg_scope([slim.conv2d, slim.fully_connected],
                      weights_regularizer=slim.l2_regularizer(weight_decay)):
    with slim.arg_scope([slim.conv2d],
                        weights_initializer=slim.variance_scaling_initializer(),
                        activation_fn=activation_fn,
                        normalizer_fn=slim.batch_norm,
                        normalizer_params=batch_norm_params) as sc:
      return sc


def small_net(inputs, num_classes, is_training=True, scope='SmallNet'):
  with tf.variable_scope(scope, 'SmallNet', [inputs]):
    with slim.arg_scope([slim.batch_norm, slim.dropout], is_training=is_training):
      net = slim.conv2d(inputs, 32, [3, 3], stride=2, scope='Conv2d_1a_3x3')
      net = slim.conv2d(net, 64, [3, 3], scope='Conv2d_2a_3x3')
      net = slim.max_pool2d(net, [3, 3], stride=2, scope='MaxPool_3a_3x3')
      net = slim.conv2d(net, 128, [3, 3], scope='Conv2d_4a_3x3')
      net = tf.reduce_mean(net, [1, 2], keep_dims=True, name='global_pool')
      net = slim.dropout(net, 0.8, scope='Dropout_1b')
      logits = slim.conv2d(net, num_classes, [1, 1], activation_fn=None, normalizer_fn=None,
                           scope='Conv2d_1c_1x1')
      return tf.squeeze(logits, [1, 2], name='SpatialSqueeze')
