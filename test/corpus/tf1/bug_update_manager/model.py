# Idiom seen in: tcoatale/cnn_framework configurations/models/alex/tiny.py, configurations/losses/driver.py
# What it reproduces: an AlexNet-ish inference() built from the decay helpers, and a loss function
#   that returns only the cross entropy (the decay terms live in the collection).
import tensorflow as tf

from variables import weight_variable, bias_variable, conv2d, max_pool_3x3


def inference(images, classes, wd=0.004):
  with tf.variable_scope('conv1'):
    W = weight_variable([5, 5, 3, 64], stddev=5e-2, wd=5e-4, name='weights')
    b = bias_variable([64], 0.0, name='biases')
    conv1 = tf.nn.relu(conv2d(images, W) + b)
  pool1 = max_pool_3x3(conv1)

  with tf.variable_scope('conv2'):
    W = weight_variable([5, 5, 64, 64], stddev=5e-2, wd=5e-4, name='weights')
    b = bias_variable([64], 0.1, name='biases')
    conv2 = tf.nn.relu(conv2d(pool1, W) + b)
  pool2 = max_pool_3x3(conv2)

  flat = tf.reshape(pool2, [images.get_shape()[0].value, -1])
  dim = flat.get_shape()[1].value
  with tf.variable_scope('local3'):
    W = weight_variable([dim, 384], stddev=0.04, wd=wd, name='weights')
    b = bias_variable([384], 0.1, name='biases')
    local3 = tf.nn.relu(tf.matmul(flat, W) + b)

  with tf.variable_scope('softmax_linear'):
    W = weight_variable([384, classes], stddev=1 / 384.0, wd=0.0, name='weights')
    b = bias_variable([classes], 0.0, name='biases')
    logits = tf.add(tf.matmul(local3, W), b, name='logits')
  return logits


def cross_entropy_loss(logits, sparse_labels):
  with tf.variable_scope('training'):
    xent = tf.nn.sparse_softmax_cross_entropy_with_logits(
        labels=tf.cast(sparse_labels, tf.int64), logits=logits)
    loss = tf.reduce_mean(xent, name='loss')
  return loss
