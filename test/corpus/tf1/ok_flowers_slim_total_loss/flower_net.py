# Idiom seen in: yuanyuanzijin/flower-recognition code/train_image_classifier.py
# What it reproduces: a slim network with its arg_scope function (weights_regularizer=slim.l2_regularizer(weight_decay)
#   on conv2d/fully_connected), entered by the training script; the decay terms go to REGULARIZATION_LOSSES.
import tensorflow as tf

slim = tf.contrib.slim


def flower_net_arg_scope(weight_decay=0.00004, batch_norm_decay=0.9997):
    batch_norm_params = {'decay': batch_norm_decay, 'epsilon': 0.001,
                         'updates_collections': tf.GraphKeys.UPDATE_OPS}
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        weights_regularizer=slim.l2_regularizer(weight_decay)):
        with slim.arg_scope([slim.conv2d],
                            weights_initializer=slim.variance_scaling_initializer(),
                            activation_fn=tf.nn.relu,
                            normalizer_fn=slim.batch_norm,
                            normalizer_params=batch_norm_params) as sc:
            return sc


def flower_net(images, num_classes=5, is_training=True, dropout_keep_prob=0.8, scope='FlowerNet'):
    with tf.variable_scope(scope, 'FlowerNet', [images]):
        with slim.arg_scope([slim.batch_norm, slim.dropout], is_training=is_training):
            net = slim.conv2d(images, 32, [3, 3], stride=2, scope='Conv2d_1a_3x3')
            net = slim.conv2d(net, 64, [3, 3], scope='Conv2d_2a_3x3')
            net = slim.max_pool2d(net, [3, 3], stride=2, scope='MaxPool_3a_3x3')
            net = slim.conv2d(net, 128, [3, 3], scope='Conv2d_4a_3x3')
            net = slim.conv2d(net, 256, [3, 3], stride=2, scope='Conv2d_5a_3x3')
            net = tf.reduce_mean(net, [1, 2], keep_dims=True, name='global_pool')
            net = slim.flatten(net)
            net = slim.dropout(net, dropout_keep_prob, scope='Dropout_1b')
            logits = slim.fully_connected(net, num_classes, activation_fn=None, scope='Logits')
    return logits
