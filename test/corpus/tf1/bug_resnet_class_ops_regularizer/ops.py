# Idiom seen in: taki0112/ResNet-Tensorflow ops.py
# What it reproduces: module-level initializer and l2 regularizer objects shared by thin tf.layers wrappers
#   (conv, fully_conneted, batch_norm, resblock); every conv and dense kernel gets kernel_regularizer=weight_regularizer.
# label-note: the regularizer terms land in GraphKeys.REGULARIZATION_LOSSES, but resnet.py minimizes the bare
#   classification loss (the repository's state before its "add regularization loss" commit). Both wrapper
#   lines that pass the regularizer carry WD102 (one finding per regularizer argument; if the tool reports the
#   module-level regularizer once, the conv line is the natural one).
import tensorflow as tf
import tensorflow.contrib as tf_contrib

weight_init = tf_contrib.layers.variance_scaling_initializer()
weight_regularizer = tf_contrib.layers.l2_regularizer(0.0001)


def conv(x, channels, kernel=4, stride=2, padding='SAME', use_bias=True, scope='conv_0'):
    with tf.variable_scope(scope):
        x = tf.layers.conv2d(inputs=x, filters=channels, kernel_size=kernel,
                             kernel_initializer=weight_init,
                             kernel_regularizer=weight_regularizer,  # expect: WD102
                             strides=stride, use_bias=use_bias, padding=padding)
        return x


def fully_conneted(x, units, use_bias=True, scope='fully_0'):
    with tf.variable_scope(scope):
        x = tf.layers.flatten(x)
        x = tf.layers.dense(x, units=units, kernel_initializer=weight_init,
                            kernel_regularizer=weight_regularizer,  # expect: WD102
                            use_bias=use_bias)
        return x


def batch_norm(x, is_training=True, scope='batch_norm'):
    return tf_contrib.layers.batch_norm(x, decay=0.9, epsilon=1e-05, center=True, scale=True,
                                        updates_collections=None, is_training=is_training, scope=scope)


def relu(x):
    return tf.nn.relu(x)


def global_avg_pooling(x):
    return tf.reduce_mean(x, axis=[1, 2], keepdims=True)


def resblock(x_init, channels, is_training=True, use_bias=True, downsample=False, scope='resblock'):
    with tf.variable_scope(scope):
        x = relu(batch_norm(x_init, is_training, scope='batch_norm_0'))
        if downsample:
            x = conv(x, channels, kernel=3, stride=2, use_bias=use_bias, scope='conv_0')
            x_init = conv(x_init, channels, kernel=1, stride=2, use_bias=use_bias, scope='conv_init')
        else:
            x = conv(x, channels, kernel=3, stride=1, use_bias=use_bias, scope='conv_0')
        x = relu(batch_norm(x, is_training, scope='batch_norm_1'))
        x = conv(x, channels, kernel=3, stride=1, use_bias=use_bias, scope='conv_1')
        return x + x_init


def classification_loss(logit, label):
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=label, logits=logit))
    prediction = tf.equal(tf.argmax(logit, -1), tf.argmax(label, -1))
    accuracy = tf.reduce_mean(tf.cast(prediction, tf.float32))
    return loss, accuracy
