# Idiom seen in: dpressel/rude-carnie model.py
# Idiom seen in: dpressel/rude-carnie train.py
# What it reproduces: age/gender CNN (Levi & Hassner) built inside tf.contrib.slim.arg_scope with
#   weights_regularizer=l2_regularizer(weight_decay); the model is picked by name through select_model and
#   train.py adds LAMBDA * sum(REGULARIZATION_LOSSES) to the loss it optimizes (clean).
import tensorflow as tf
from tensorflow.contrib.layers import convolution2d, fully_connected, max_pool2d, batch_norm


def select_model(name):
    if name == 'bn':
        print('selected batch norm model')
        return levi_hassner_bn
    print('selected default model')
    return levi_hassner


def levi_hassner_bn(nlabels, images, pkeep, is_training):
    batch_norm_params = {"is_training": is_training, "trainable": True, "decay": 0.9997, "epsilon": 0.001}
    weight_decay = 0.0005
    weights_regularizer = tf.contrib.layers.l2_regularizer(weight_decay)
    with tf.variable_scope("LeviHassnerBN", "LeviHassnerBN", [images]):
        with tf.contrib.slim.arg_scope(
                [convolution2d, fully_connected],
                weights_regularizer=weights_regularizer,
                biases_initializer=tf.constant_initializer(1.),
                weights_initializer=tf.random_normal_initializer(stddev=0.005),
                trainable=True):
            with tf.contrib.slim.arg_scope([convolution2d], normalizer_fn=batch_norm,
                                           normalizer_params=batch_norm_params):
                conv1 = convolution2d(images, 96, [7, 7], [4, 4], padding='VALID', scope='conv1')
                pool1 = max_pool2d(conv1, 3, 2, padding='VALID', scope='pool1')
                conv2 = convolution2d(pool1, 256, [5, 5], [1, 1], padding='SAME', scope='conv2')
                pool2 = max_pool2d(conv2, 3, 2, padding='VALID', scope='pool2')
                conv3 = convolution2d(pool2, 384, [3, 3], [1, 1], padding='SAME', scope='conv3')
                pool3 = max_pool2d(conv3, 3, 2, padding='VALID', scope='pool3')
                flat = tf.reshape(pool3, [-1, 384 * 6 * 6], name='reshape')
                full1 = fully_connected(flat, 512, scope='full1')
                drop1 = tf.nn.dropout(full1, pkeep, name='drop1')
                full2 = fully_connected(drop1, 512, scope='full2')
                drop2 = tf.nn.dropout(full2, pkeep, name='drop2')
    with tf.variable_scope('output') as scope:
        weights = tf.Variable(tf.random_normal([512, nlabels], mean=0.0, stddev=0.01), name='weights')
        biases = tf.Variable(tf.constant(0.0, shape=[nlabels], dtype=tf.float32), name='biases')
        output = tf.add(tf.matmul(drop2, weights), biases, name=scope.name)
    return output


def levi_hassner(nlabels, images, pkeep, is_training):
    weight_decay = 0.0005
    weights_regularizer = tf.contrib.layers.l2_regularizer(weight_decay)
    with tf.variable_scope("LeviHassner", "LeviHassner", [images]):
        with tf.contrib.slim.arg_scope(
                [convolution2d, fully_connected],
                weights_regularizer=weights_regularizer,
                biases_initializer=tf.constant_initializer(1.),
                weights_initializer=tf.random_normal_initializer(stddev=0.005),
                trainable=True):
            conv1 = convolution2d(images, 96, [7, 7], [4, 4], padding='VALID', scope='conv1')
            pool1 = max_pool2d(conv1, 3, 2, padding='VALID', scope='pool1')
            norm1 = tf.nn.local_response_normalization(pool1, 5, alpha=0.0001, beta=0.75, name='norm1')
            conv2 = convolution2d(norm1, 256, [5, 5], [1, 1], padding='SAME', scope='conv2')
            pool2 = max_pool2d(conv2, 3, 2, padding='VALID', scope='pool2')
            flat = tf.reshape(pool2, [-1, 256 * 13 * 13], name='reshape')
            full1 = fully_connected(flat, 512, scope='full1')
            drop1 = tf.nn.dropout(full1, pkeep, name='drop1')
    with tf.variable_scope('output') as scope:
        weights = tf.Variable(tf.random_normal([512, nlabels], mean=0.0, stddev=0.01), name='weights')
        biases = tf.Variable(tf.constant(0.0, shape=[nlabels], dtype=tf.float32), name='biases')
        output = tf.add(tf.matmul(drop1, weights), biases, name=scope.name)
    return output
