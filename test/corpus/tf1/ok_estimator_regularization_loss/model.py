# Idiom seen in: tensorflow/models official/mnist/mnist.py; tensorflow/models official/resnet/resnet_run_loop.py
# What it reproduces: a tf.layers CNN whose conv and dense kernels carry
# kernel_regularizer=tf.contrib.layers.l2_regularizer(weight_decay); the terms land in
# tf.GraphKeys.REGULARIZATION_LOSSES and main.py adds them back with get_regularization_loss().
import tensorflow as tf


def cnn(images, training, weight_decay, num_classes=10):
  regularizer = tf.contrib.layers.l2_regularizer(weight_decay)
  net = tf.reshape(images, [-1, 28, 28, 1])
  net = tf.layers.conv2d(net, 32, 5, padding='same', activation=tf.nn.relu,
                         kernel_regularizer=regularizer, name='conv1')
  net = tf.layers.max_pooling2d(net, 2, 2)
  net = tf.layers.conv2d(net, 64, 5, padding='same', activation=tf.nn.relu,
                         kernel_regularizer=regularizer, name='conv2')
  net = tf.layers.max_pooling2d(net, 2, 2)
  net = tf.layers.flatten(net)
  net = tf.layers.dense(net, 1024, activation=tf.nn.relu,
                        kernel_regularizer=regularizer, name='fc1')
  net = tf.layers.dropout(net, rate=0.4, training=training)
  logits = tf.layers.dense(net, num_classes, kernel_regularizer=regularizer, name='fc2')
  return logits
