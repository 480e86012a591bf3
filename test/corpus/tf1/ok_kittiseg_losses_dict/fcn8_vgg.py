# Idiom seen in: MarvinTeichmann/KittiSeg encoder/fcn8_vgg.py
# What it reproduces: encoder whose conv/score layers create their kernels with a helper that puts
#   wd * l2_loss(var) into tf.GraphKeys.REGULARIZATION_LOSSES (wd from the hypes json); the decoder sums
#   that collection into losses['total_loss'], which the optimizer module trains on: clean.
import tensorflow as tf


def _variable_with_weight_decay(shape, stddev, wd, decoder=False):
    initializer = tf.truncated_normal_initializer(stddev=stddev)
    var = tf.get_variable('weights', shape=shape, initializer=initializer)
    collection_name = tf.GraphKeys.REGULARIZATION_LOSSES
    if wd and (not tf.get_variable_scope().reuse):
        weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name='weight_loss')
        tf.add_to_collection(collection_name, weight_decay)
    return var


def _conv_layer(bottom, name, shape, wd):
    with tf.variable_scope(name):
        filt = _variable_with_weight_decay(shape, stddev=(2.0 / (shape[0] * shape[1] * shape[2])) ** 0.5, wd=wd)
        conv = tf.nn.conv2d(bottom, filt, [1, 1, 1, 1], padding='SAME')
        conv_biases = tf.get_variable('biases', [shape[3]], initializer=tf.constant_initializer(0.0))
        return tf.nn.relu(tf.nn.bias_add(conv, conv_biases))


def inference(hypes, images, train=True):
    wd = hypes['wd']
    with tf.name_scope('Processing'):
        net = images - tf.constant([103.939, 116.779, 123.68])
    net = _conv_layer(net, 'conv1_1', [3, 3, 3, 64], wd)
    net = _conv_layer(net, 'conv1_2', [3, 3, 64, 64], wd)
    net = tf.nn.max_pool(net, [1, 2, 2, 1], [1, 2, 2, 1], 'SAME', name='pool1')
    net = _conv_layer(net, 'conv2_1', [3, 3, 64, 128], wd)
    net = _conv_layer(net, 'conv2_2', [3, 3, 128, 128], wd)
    net = tf.nn.max_pool(net, [1, 2, 2, 1], [1, 2, 2, 1], 'SAME', name='pool2')
    net = _conv_layer(net, 'fc6', [7, 7, 128, 512], wd)
    if train:
        net = tf.nn.dropout(net, 0.5)
    with tf.variable_scope('score_fr'):
        w = _variable_with_weight_decay([1, 1, 512, hypes['arch']['num_classes']], stddev=0.001, wd=wd)
        score = tf.nn.conv2d(net, w, [1, 1, 1, 1], padding='SAME')
    upscore = tf.image.resize_bilinear(score, tf.shape(images)[1:3])
    return {'fcn_logits': upscore}
