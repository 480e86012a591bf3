# Idiom seen in: niladell/unsupervised-medical-learning src/model/basic_model.py
# What it reproduces: DCGAN generator and discriminator for head-CT slices built with tf.layers under their own
#   variable scopes, each conv/dense layer given kernel_regularizer from the weight_decay the Estimator params carry.
import tensorflow as tf


def _leaky_relu(x, alpha=0.2):
    return tf.maximum(x, alpha * x)


def discriminator(x, weight_decay, is_training=True, scope='Discriminator', reuse=tf.AUTO_REUSE):
    reg = tf.contrib.layers.l2_regularizer(weight_decay)
    with tf.variable_scope(scope, reuse=reuse):
        x = _leaky_relu(tf.layers.conv2d(x, 64, 4, strides=2, padding='same',
                                         kernel_regularizer=reg, name='d_conv1'))
        x = tf.layers.conv2d(x, 128, 4, strides=2, padding='same', kernel_regularizer=reg, name='d_conv2')
        x = _leaky_relu(tf.layers.batch_normalization(x, training=is_training, name='d_bn2'))
        x = tf.layers.conv2d(x, 256, 4, strides=2, padding='same', kernel_regularizer=reg, name='d_conv3')
        x = _leaky_relu(tf.layers.batch_normalization(x, training=is_training, name='d_bn3'))
        x = tf.layers.flatten(x)
        return tf.layers.dense(x, 1, kernel_regularizer=reg, name='d_fc')


def generator(z, weight_decay, is_training=True, scope='Generator'):
    reg = tf.contrib.layers.l2_regularizer(weight_decay)
    with tf.variable_scope(scope):
        x = tf.layers.dense(z, 8 * 8 * 256, kernel_regularizer=reg, name='g_fc')
        x = tf.nn.relu(tf.layers.batch_normalization(tf.reshape(x, [-1, 8, 8, 256]),
                                                     training=is_training, name='g_bn0'))
        x = tf.layers.conv2d_transpose(x, 128, 4, strides=2, padding='same', kernel_regularizer=reg, name='g_deconv1')
        x = tf.nn.relu(tf.layers.batch_normalization(x, training=is_training, name='g_bn1'))
        x = tf.layers.conv2d_transpose(x, 64, 4, strides=2, padding='same', kernel_regularizer=reg, name='g_deconv2')
        x = tf.nn.relu(tf.layers.batch_normalization(x, training=is_training, name='g_bn2'))
        x = tf.layers.conv2d_transpose(x, 1, 4, strides=2, padding='same', kernel_regularizer=reg, name='g_deconv3')
        return tf.tanh(x)
