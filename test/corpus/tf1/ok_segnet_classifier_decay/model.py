# Idiom seen in: tkuanlun350/Tensorflow-SegNet model.py
# Idiom seen in: tkuanlun350/Tensorflow-SegNet Utils.py
# What it reproduces: SegNet encoder/decoder convs built with wd=None (no decay, batch norm instead) and a
#   1x1 classifier with wd=0.0005; weighted_loss adds the cross entropy to 'losses' and returns their
#   add_n, which Adam's compute_gradients/apply_gradients trains on. Clean.
import numpy as np
import tensorflow as tf

from Utils import _variable_with_weight_decay, _variable_on_cpu, _add_loss_summaries

NUM_CLASSES = 12
INITIAL_LEARNING_RATE = 0.001
MOVING_AVERAGE_DECAY = 0.9999


def msra_initializer(kl, dl):
    stddev = np.sqrt(2.0 / (kl ** 2 * dl))
    return tf.truncated_normal_initializer(stddev=stddev)


def weighted_loss(logits, labels, num_classes, head=None):
    with tf.name_scope('loss'):
        logits = tf.reshape(logits, (-1, num_classes)) + tf.constant(1e-10)
        labels = tf.reshape(tf.one_hot(tf.reshape(labels, (-1, 1)), depth=num_classes), (-1, num_classes))
        softmax = tf.nn.softmax(logits)
        cross_entropy = -tf.reduce_sum(tf.multiply(labels * tf.log(softmax + 1e-10), head), axis=[1])
        cross_entropy_mean = tf.reduce_mean(cross_entropy, name='cross_entropy')
        tf.add_to_collection('losses', cross_entropy_mean)
        loss = tf.add_n(tf.get_collection('losses'), name='total_loss')
    return loss


def conv_layer_with_bn(inputT, shape, train_phase, activation=True, name=None):
    out_channel = shape[3]
    with tf.variable_scope(name) as scope:
        kernel = _variable_with_weight_decay('ort_weights', shape=shape,
                                             initializer=msra_initializer(shape[0], shape[2]), wd=None)
        conv = tf.nn.conv2d(inputT, kernel, [1, 1, 1, 1], padding='SAME')
        biases = _variable_on_cpu('biases', [out_channel], tf.constant_initializer(0.0))
        bias = tf.nn.bias_add(conv, biases)
        normed = tf.layers.batch_normalization(bias, training=train_phase, name=scope.name + '_bn')
        return tf.nn.relu(normed) if activation else normed


def inference(images, labels, phase_train):
    conv1 = conv_layer_with_bn(images, [7, 7, images.get_shape().as_list()[3], 64], phase_train, name='conv1')
    pool1 = tf.nn.max_pool(conv1, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME')
    conv2 = conv_layer_with_bn(pool1, [7, 7, 64, 64], phase_train, name='conv2')
    up2 = tf.image.resize_images(conv2, tf.shape(conv1)[1:3])
    decode1 = conv_layer_with_bn(up2, [7, 7, 64, 64], phase_train, False, name='conv_decode1')
    with tf.variable_scope('conv_classifier') as scope:
        kernel = _variable_with_weight_decay('weights', shape=[1, 1, 64, NUM_CLASSES],
                                             initializer=msra_initializer(1, 64), wd=0.0005)
        conv = tf.nn.conv2d(decode1, kernel, [1, 1, 1, 1], padding='SAME')
        biases = _variable_on_cpu('biases', [NUM_CLASSES], tf.constant_initializer(0.0))
        logit = tf.nn.bias_add(conv, biases, name=scope.name)
    loss_weight = np.array([0.2595, 0.1826, 4.5640, 0.1417, 0.9051, 0.3826,
                            9.6446, 1.8418, 0.6823, 6.2478, 7.3614, 1.0974])
    loss = weighted_loss(logit, tf.cast(labels, tf.int32), NUM_CLASSES, head=loss_weight)
    return loss, logit


def train(total_loss, global_step):
    loss_averages_op = _add_loss_summaries(total_loss)
    with tf.control_dependencies([loss_averages_op]):
        opt = tf.train.AdamOptimizer(INITIAL_LEARNING_RATE)
        grads = opt.compute_gradients(total_loss)
    apply_gradient_op = opt.apply_gradients(grads, global_step=global_step)
    variable_averages = tf.train.ExponentialMovingAverage(MOVING_AVERAGE_DECAY, global_step)
    variables_averages_op = variable_averages.apply(tf.trainable_variables())
    with tf.control_dependencies([apply_gradient_op, variables_averages_op]):
        train_op = tf.no_op(name='train')
    return train_op
