# Idiom seen in: weizhenzhao/Tensorflow Inception3.py
# What it reproduces: slim network with weights_regularizer given by an arg_scope in the network
#   function; the training script trains on tf.losses.get_total_loss(), which includes the
#   regularization losses. Clean.
import tensorflow as tf

slim = tf.contrib.slim


def small_vgg(images, num_classes, is_training, weight_decay=0.0005):
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        weights_regularizer=slim.l2_regularizer(weight_decay),
                        weights_initializer=tf.truncated_normal_initializer(stddev=0.01),
                        activation_fn=tf.nn.relu):
        net = slim.repeat(images, 2, slim.conv2d, 64, [3, 3], scope='conv1')
        net = slim.max_pool2d(net, [2, 2], scope='pool1')
        net = slim.repeat(net, 2, slim.conv2d, 128, [3, 3], scope='conv2')
        net = slim.max_pool2d(net, [2, 2], scope='pool2')
        net = slim.flatten(net)
        net = slim.fully_connected(net, 512, scope='fc3')
        net = slim.dropout(net, 0.5, is_training=is_training, scope='dropout3')
        logits = slim.fully_connected(net, num_classes, activation_fn=None, scope='fc4')
    return logits
