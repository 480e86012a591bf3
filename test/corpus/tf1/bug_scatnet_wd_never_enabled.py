# Idiom seen in: fbcotter/tf_ops tf_ops/general.py
# What it reproduces: tf_ops-style helpers: variable_with_wd() adds wd * ||w||^2 / 2 to
#   REGULARIZATION_LOSSES only when wd is set, and loss() returns data_loss + lambda * sum(REG_LOSSES).
#   Every layer of this scattering-net reproduction forwards WEIGHT_DECAY = 0.0 (or wd=None for the
#   classifier), so the decay machinery never switches on.
import numpy as np
import tensorflow as tf
from dataset_loading import cifar

WEIGHT_DECAY = 0.0
LEARNING_RATE = 0.1
BATCH_SIZE = 128


def get_xavier_stddev(shape):
    fan_in = np.prod(shape[:-1])
    return np.sqrt(2.0 / fan_in)


def variable_with_wd(name, shape, stddev=None, wd=None, norm=2):
    if stddev is None:
        stddev = get_xavier_stddev(shape)
    var = tf.get_variable(name, shape, dtype=tf.float32,
                          initializer=tf.truncated_normal_initializer(stddev=stddev))
    if wd is not None and wd > 0:  # expect: WD303
        reg_loss = tf.multiply(tf.nn.l2_loss(var), wd, name='{}_l2'.format(name))
        tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, reg_loss)
    return var


def conv_layer(x, out_channels, name, wd=WEIGHT_DECAY, stride=1, train=True):
    with tf.variable_scope(name):
        in_channels = x.get_shape().as_list()[-1]
        w = variable_with_wd('w', [3, 3, in_channels, out_channels], wd=wd)
        b = tf.get_variable('b', [out_channels], initializer=tf.zeros_initializer())
        y = tf.nn.conv2d(x, w, strides=[1, stride, stride, 1], padding='SAME') + b
        y = tf.layers.batch_normalization(y, training=train)
        return tf.nn.relu(y)


def loss(labels, logits, num_classes=10, lam=1):
    with tf.variable_scope('data_loss'):
        labels = tf.one_hot(labels, depth=num_classes, axis=-1)
        data_loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits))
    with tf.variable_scope('reg_loss'):
        reg_term = tf.reduce_sum(tf.get_collection(tf.GraphKeys.REGULARIZATION_LOSSES))
    return data_loss + lam * reg_term, data_loss, reg_term


def scatnet(x, train=True):
    y = conv_layer(x, 48, 'scat1', wd=WEIGHT_DECAY, train=train)
    y = conv_layer(y, 96, 'scat2', wd=WEIGHT_DECAY, stride=2, train=train)
    y = conv_layer(y, 192, 'conv3', stride=2, train=train)
    y = tf.reduce_mean(y, axis=[1, 2])
    with tf.variable_scope('fc'):
        w = variable_with_wd('w', [192, 10], wd=None)
        b = tf.get_variable('b', [10], initializer=tf.zeros_initializer())
        return tf.matmul(y, w) + b


def main(argv=None):
    data = cifar.CIFAR(batch_size=BATCH_SIZE)
    x, labels = data.train_images, data.train_labels
    logits = scatnet(x, train=True)
    total_loss, data_loss, reg_loss = loss(labels, logits)
    global_step = tf.train.get_or_create_global_step()
    opt = tf.train.MomentumOptimizer(LEARNING_RATE, momentum=0.9, use_nesterov=True)
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = opt.minimize(total_loss, global_step=global_step)
    with tf.train.MonitoredTrainingSession(checkpoint_dir='/tmp/scatnet') as sess:
        while not sess.should_stop():
            _, l, r = sess.run([train_op, data_loss, reg_loss])


if __name__ == '__main__':
    tf.app.run()
