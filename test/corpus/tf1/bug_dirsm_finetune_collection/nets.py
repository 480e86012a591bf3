# Idiom seen in: JenifferWuUCLA/pulmonary-nodules-MaskRCNN Github-Codes/TensorFlow-CNN-Dataset/DIRSM/classification.py
# What it reproduces: disaster-image (flood) AlexNet fine-tuning: _variable_with_weight_decay adds wd*l2_loss(w) to the
#   'losses' collection and tf.gradients feeds two MomentumOptimizers; a user makes loss_def return the plain cross
#   entropy, so the collection is never summed (user mistake; the repo returned tf.add_n(tf.get_collection('losses'))).
import tensorflow as tf

NUM_CLASSES = 2


def _variable_on_cpu(name, shape, ini):
    with tf.device('/cpu:0'):
        var = tf.get_variable(name, shape, initializer=ini, dtype=tf.float32)
    return var


def _variable_with_weight_decay(name, shape, ini, wd):
    var = _variable_on_cpu(name, shape, ini)
    if wd is not None:
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection('losses', weight_decay)  # expect: WD101
    return var


def leaky_relu(x, alpha=0.1):
    return tf.maximum(alpha * x, x)


def _conv_layer(input_data, kernel_shape, name, weight_decay, strides, pad='SAME'):
    with tf.variable_scope(name):
        weights = _variable_with_weight_decay('weights', shape=kernel_shape,
                                              ini=tf.contrib.layers.xavier_initializer_conv2d(dtype=tf.float32),
                                              wd=weight_decay)
        biases = _variable_on_cpu('biases', kernel_shape[-1], tf.constant_initializer(0.1))
        conv_op = tf.nn.bias_add(tf.nn.conv2d(input_data, weights, strides, padding=pad), biases)
        return leaky_relu(conv_op)


def maxpool2d(x, k, strides=1, pad='SAME', name=None):
    return tf.nn.max_pool(x, ksize=[1, k, k, 1], strides=[1, strides, strides, 1], padding=pad, name=name)


def alex_net(x, dropout, image_size, weight_decay):
    x = tf.reshape(x, shape=[-1, image_size, image_size, 3])
    conv1 = _conv_layer(x, [11, 11, 3, 96], 'conv1', weight_decay, strides=[1, 4, 4, 1], pad='VALID')
    pool1 = maxpool2d(conv1, k=3, strides=2, pad='VALID', name='pool1')
    conv2 = _conv_layer(pool1, [5, 5, 96, 256], 'conv2', weight_decay, strides=[1, 1, 1, 1])
    pool2 = maxpool2d(conv2, k=3, strides=2, pad='VALID', name='pool2')
    conv3 = _conv_layer(pool2, [3, 3, 256, 384], 'conv3', weight_decay, strides=[1, 1, 1, 1])
    conv4 = _conv_layer(conv3, [3, 3, 384, 384], 'conv4', weight_decay, strides=[1, 1, 1, 1])
    conv5 = _conv_layer(conv4, [3, 3, 384, 256], 'conv5', weight_decay, strides=[1, 1, 1, 1])
    pool5 = maxpool2d(conv5, k=3, strides=2, pad='VALID', name='pool5')
    reshape = tf.reshape(pool5, [-1, 6 * 6 * 256])
    with tf.variable_scope('fc6'):
        weights = _variable_with_weight_decay('weights', [6 * 6 * 256, 4096],
                                              tf.contrib.layers.xavier_initializer(), wd=weight_decay)
        biases = _variable_on_cpu('biases', [4096], tf.constant_initializer(0.1))
        fc6 = tf.nn.dropout(leaky_relu(tf.matmul(reshape, weights) + biases), dropout)
    with tf.variable_scope('fc7'):
        weights = _variable_with_weight_decay('weights', [4096, 4096],
                                              tf.contrib.layers.xavier_initializer(), wd=weight_decay)
        biases = _variable_on_cpu('biases', [4096], tf.constant_initializer(0.1))
        fc7 = tf.nn.dropout(leaky_relu(tf.matmul(fc6, weights) + biases), dropout)
    with tf.variable_scope('init_softmax'):
        weights = _variable_with_weight_decay('weights', [4096, NUM_CLASSES],
                                              tf.contrib.layers.xavier_initializer(), wd=weight_decay)
        biases = _variable_on_cpu('biases', [NUM_CLASSES], tf.constant_initializer(0.1))
        logits = tf.add(tf.matmul(fc7, weights), biases)
    return fc7, logits
