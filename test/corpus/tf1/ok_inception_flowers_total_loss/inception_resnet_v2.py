# Idiom seen in: kwotsin/transfer_learning_tutorial inception_resnet_v2.py
# Idiom seen in: kwotsin/transfer_learning_tutorial train_flowers.py
# What it reproduces: the arg_scope gives slim layers an L2 weights_regularizer; the training script takes
# tf.losses.get_total_loss() (cross-entropy + REGULARIZATION_LOSSES) into create_train_op (clean).
import tensorflow as tf

slim = tf.contrib.slim


def block35(net, scale=1.0, activation_fn=tf.nn.relu, scope=None, reuse=None):
    with tf.variable_scope(scope, 'Block35', [net], reuse=reuse):
        with tf.variable_scope('Branch_0'):
            tower_conv = slim.conv2d(net, 32, 1, scope='Conv2d_1x1')
        with tf.variable_scope('Branch_1'):
            tower_conv1_0 = slim.conv2d(net, 32, 1, scope='Conv2d_0a_1x1')
            tower_conv1_1 = slim.conv2d(tower_conv1_0, 32, 3, scope='Conv2d_0b_3x3')
        mixed = tf.concat(axis=3, values=[tower_conv, tower_conv1_1])
        up = slim.conv2d(mixed, net.get_shape()[3], 1, normalizer_fn=None, activation_fn=None, scope='Conv2d_1x1')
        net += scale * up
        if activation_fn:
            net = activation_fn(net)
    return net


def inception_resnet_v2(inputs, num_classes=1001, is_training=True, dropout_keep_prob=0.8,
                        reuse=None, scope='InceptionResnetV2'):
    end_points = {}
    with tf.variable_scope(scope, 'InceptionResnetV2', [inputs], reuse=reuse):
        with slim.arg_scope([slim.batch_norm, slim.dropout], is_training=is_training):
            net = slim.conv2d(inputs, 32, 3, stride=2, padding='VALID', scope='Conv2d_1a_3x3')
            net = slim.conv2d(net, 64, 3, scope='Conv2d_2b_3x3')
            net = slim.max_pool2d(net, 3, stride=2, padding='VALID', scope='MaxPool_3a_3x3')
            net = slim.repeat(net, 10, block35, scale=0.17)
            net = slim.avg_pool2d(net, net.get_shape()[1:3], padding='VALID', scope='AvgPool_1a_8x8')
            net = slim.flatten(net)
            net = slim.dropout(net, dropout_keep_prob, is_training=is_training, scope='Dropout')
            logits = slim.fully_connected(net, num_classes, activation_fn=None, scope='Logits')
            end_points['Logits'] = logits
            end_points['Predictions'] = tf.nn.softmax(logits, name='Predictions')
    return logits, end_points


def inception_resnet_v2_arg_scope(weight_decay=0.00004, batch_norm_decay=0.9997, batch_norm_epsilon=0.001):
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        weights_regularizer=slim.l2_regularizer(weight_decay)):
        batch_norm_params = {'decay': batch_norm_decay, 'epsilon': batch_norm_epsilon}
        with slim.arg_scope([slim.conv2d], activation_fn=tf.nn.relu, normalizer_fn=slim.batch_norm,
                            normalizer_params=batch_norm_params) as scope:
            return scope
