# Idiom seen in: hx173149/C3D-tensorflow c3d_model.py, train_c3d_ucf101.py
# What it reproduces: the C3D variable helpers (wd given per call; biases get wd=0.0) and the
#   3D-conv inference function taking weight/bias dicts.
import tensorflow as tf

NUM_CLASSES = 101
CROP_SIZE = 112
CHANNELS = 3
NUM_FRAMES_PER_CLIP = 16


def _variable_on_cpu(name, shape, initializer):
  with tf.device('/cpu:0'):
    var = tf.get_variable(name, shape, initializer=initializer)
  return var


def _variable_with_weight_decay(name, shape, stddev, wd):
  var = _variable_on_cpu(name, shape, tf.truncated_normal_initializer(stddev=stddev))
  if wd is not None:
    weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
    tf.add_to_collection('losses', weight_decay)
  return var


def conv3d(name, l_input, w, b):
  return tf.nn.bias_add(tf.nn.conv3d(l_input, w, strides=[1, 1, 1, 1, 1], padding='SAME'), b,
                        name=name)


def max_pool(name, l_input, k):
  return tf.nn.max_pool3d(l_input, ksize=[1, k, 2, 2, 1], strides=[1, k, 2, 2, 1],
                          padding='SAME', name=name)


def inference_c3d(_X, _dropout, batch_size, _weights, _biases):
  conv1 = tf.nn.relu(conv3d('conv1', _X, _weights['wc1'], _biases['bc1']), 'relu1')
  pool1 = max_pool('pool1', conv1, k=1)
  conv2 = tf.nn.relu(conv3d('conv2', pool1, _weights['wc2'], _biases['bc2']), 'relu2')
  pool2 = max_pool('pool2', conv2, k=2)
  conv3 = tf.nn.relu(conv3d('conv3', pool2, _weights['wc3'], _biases['bc3']), 'relu3')
  pool3 = max_pool('pool3', conv3, k=2)
  dense1 = tf.reshape(pool3, [batch_size, _weights['wd1'].get_shape().as_list()[0]])
  dense1 = tf.nn.relu(tf.matmul(dense1, _weights['wd1']) + _biases['bd1'], name='fc1')
  dense1 = tf.nn.dropout(dense1, _dropout)
  return tf.matmul(dense1, _weights['out']) + _biases['out']
