# Idiom seen in: pat-coady/tiny_imagenet src/vgg_16.py
# Idiom seen in: pat-coady/tiny_imagenet src/train.py
# Idiom seen in: pat-coady/tiny_imagenet src/losses.py
# What it reproduces: layers built with kernel_regularizer=l2_regularizer(1.0) and the real scale applied in the
#   training script (config.reg times the summed REGULARIZATION_LOSSES) added to the summed LOSSES collection;
#   that total is what MomentumOptimizer minimizes, so the decay is live. Clean.
import numpy as np
import tensorflow as tf


def conv_2d(inputs, filters, kernel_size, name=None):
    """3x3 conv + ReLU, He init, unit-scale L2 (scaled later by TrainConfig.reg)."""
    stddev = np.sqrt(2 / (np.prod(kernel_size) * int(inputs.shape[3])))
    out = tf.layers.conv2d(inputs, filters=filters, kernel_size=kernel_size,
                           padding='same', activation=tf.nn.relu,
                           kernel_initializer=tf.random_normal_initializer(stddev=stddev),
                           kernel_regularizer=tf.contrib.layers.l2_regularizer(1.0),
                           name=name)
    tf.summary.histogram('act' + name, out)
    return out


def dense_relu(inputs, units, name=None):
    stddev = np.sqrt(2 / int(inputs.shape[1]))
    out = tf.layers.dense(inputs, units, activation=tf.nn.relu,
                          kernel_initializer=tf.random_normal_initializer(stddev=stddev),
                          kernel_regularizer=tf.contrib.layers.l2_regularizer(1.0),
                          name=name)
    return out


def vgg_16(training_batch, config):
    img = tf.cast(training_batch, tf.float32)
    out = (img - 128.0) / 128.0
    out = conv_2d(out, 64, (3, 3), 'conv1_1')
    out = conv_2d(out, 64, (3, 3), 'conv1_2')
    out = tf.layers.max_pooling2d(out, (2, 2), (2, 2), name='pool1')
    out = conv_2d(out, 128, (3, 3), 'conv2_1')
    out = conv_2d(out, 128, (3, 3), 'conv2_2')
    out = tf.layers.max_pooling2d(out, (2, 2), (2, 2), name='pool2')
    out = conv_2d(out, 256, (3, 3), 'conv3_1')
    out = tf.layers.max_pooling2d(out, (2, 2), (2, 2), name='pool3')
    out = tf.contrib.layers.flatten(out)
    out = dense_relu(out, 4096, 'fc1')
    out = tf.nn.dropout(out, config.dropout_keep_prob)
    out = dense_relu(out, 4096, 'fc2')
    out = tf.nn.dropout(out, config.dropout_keep_prob)
    logits = tf.layers.dense(out, 200,
                             kernel_regularizer=tf.contrib.layers.l2_regularizer(1.0),
                             name='out')
    return logits
