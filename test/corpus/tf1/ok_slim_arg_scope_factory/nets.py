# Idiom seen in: tensorflow/models research/slim/nets/cifarnet.py; knowmefly/Youth-AI-SelfImprovement inception-google/utils.py
# What it reproduces: a slim network plus its arg_scope factory that sets
# weights_regularizer=slim.l2_regularizer(weight_decay) for the fully connected layers; the
# scope is entered in train.py, which trains on tf.losses.get_total_loss(). Correct.
import tensorflow as tf

slim = tf.contrib.slim

trunc_normal = lambda stddev: tf.truncated_normal_initializer(stddev=stddev)


def cifarnet(images, num_classes=10, is_training=False, dropout_keep_prob=0.5, scope='CifarNet'):
  end_points = {}
  with tf.variable_scope(scope, 'CifarNet', [images]):
    net = slim.conv2d(images, 64, [5, 5], scope='conv1')
    net = slim.max_pool2d(net, [2, 2], 2, scope='pool1')
    net = tf.nn.lrn(net, 4, bias=1.0, alpha=0.001 / 9.0, beta=0.75, name='norm1')
    net = slim.conv2d(net, 64, [5, 5], scope='conv2')
    net = slim.max_pool2d(net, [2, 2], 2, scope='pool2')
    net = slim.flatten(net)
    net = slim.fully_connected(net, 384, scope='fc3')
    net = slim.dropout(net, dropout_keep_prob, is_training=is_training, scope='dropout3')
    net = slim.fully_connected(net, 192, scope='fc4')
    logits = slim.fully_connected(net, num_classes, weights_initializer=trunc_normal(1 / 192.0),
                                  weights_regularizer=None, activation_fn=None, scope='logits')
    end_points['Logits'] = logits
  return logits, end_points


def cifarnet_arg_scope(weight_decay=0.004):
  with slim.arg_scope([slim.conv2d],
                      weights_initializer=trunc_normal(5e-2),
                      activation_fn=tf.nn.relu):
    with slim.arg_scope([slim.fully_connected],
                        biases_initializer=tf.constant_initializer(0.1),
                        weights_initializer=trunc_normal(0.04),
                        weights_regularizer=slim.l2_regularizer(weight_decay),
                        activation_fn=tf.nn.relu) as sc:
      return sc
