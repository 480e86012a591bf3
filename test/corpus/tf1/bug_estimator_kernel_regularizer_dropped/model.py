# Idiom seen in: tensorflow/models official/mnist/mnist.py; tensorflow/models official/resnet/resnet_run_loop.py
# What it reproduces: a tf.layers network with kernel_regularizer on every conv/dense kernel.
# The model_fn in main.py minimizes only tf.losses.sparse_softmax_cross_entropy, and an
# Estimator does not add REGULARIZATION_LOSSES by itself: every regularizer here is dead (WD102).
import tensorflow as tf

WEIGHT_DECAY = 1e-4


def conv_block(inputs, filters, training, name):
  with tf.variable_scope(name):
    net = tf.layers.conv2d(
        inputs, filters, 3, padding='same', use_bias=False,
        kernel_regularizer=tf.contrib.layers.l2_regularizer(WEIGHT_DECAY))  # expect: WD102
    net = tf.layers.batch_normalization(net, training=training)
    return tf.nn.relu(net)


def small_convnet(images, training, num_classes=10):
  net = tf.cast(images, tf.float32) / 255.0
  net = conv_block(net, 32, training, 'block1')
  net = tf.layers.max_pooling2d(net, 2, 2)
  net = conv_block(net, 64, training, 'block2')
  net = tf.layers.max_pooling2d(net, 2, 2)
  net = conv_block(net, 128, training, 'block3')
  net = tf.reduce_mean(net, axis=[1, 2])
  logits = tf.layers.dense(
      net, num_classes,
      kernel_regularizer=tf.contrib.layers.l2_regularizer(WEIGHT_DECAY),  # expect: WD102
      name='logits')
  return logits
