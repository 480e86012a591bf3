# Idiom seen in: FortiLeiZhang/model_zoo TensorFlow/facenet/src/train_tripletloss.py
# Idiom seen in: FortiLeiZhang/model_zoo TensorFlow/facenet/src/models/inception_resnet_v1.py
# What it reproduces: FaceNet triplet-loss training: inference() opens slim.arg_scope(weights_regularizer=l2(weight_decay))
#   and builds the net in a function called inside it; the script sums [triplet_loss] + REGULARIZATION_LOSSES and a
#   helper train() minimizes that total (clean). --weight_decay defaults to 0.0 on the command line, as in the repo.
import tensorflow as tf
import tensorflow.contrib.slim as slim


def block35(net, scale=1.0, activation_fn=tf.nn.relu, scope=None):
    with tf.variable_scope(scope, 'Block35', [net]):
        tower_conv = slim.conv2d(net, 32, 1, scope='Conv2d_1x1')
        tower_conv1_0 = slim.conv2d(net, 32, 1, scope='Conv2d_0a_1x1')
        tower_conv1_1 = slim.conv2d(tower_conv1_0, 32, 3, scope='Conv2d_0b_3x3')
        mixed = tf.concat([tower_conv, tower_conv1_1], 3)
        up = slim.conv2d(mixed, net.get_shape()[3], 1, normalizer_fn=None, activation_fn=None, scope='Conv2d_1x1b')
        net += scale * up
        return activation_fn(net)


def inception_resnet_small(inputs, is_training=True, dropout_keep_prob=0.8, bottleneck_layer_size=128,
                           reuse=None, scope='InceptionResnetSmall'):
    with tf.variable_scope(scope, 'InceptionResnetSmall', [inputs], reuse=reuse):
        with slim.arg_scope([slim.batch_norm, slim.dropout], is_training=is_training):
            with slim.arg_scope([slim.conv2d, slim.max_pool2d, slim.avg_pool2d], stride=1, padding='SAME'):
                net = slim.conv2d(inputs, 32, 3, stride=2, padding='VALID', scope='Conv2d_1a_3x3')
                net = slim.conv2d(net, 64, 3, scope='Conv2d_2b_3x3')
                net = slim.max_pool2d(net, 3, stride=2, padding='VALID', scope='MaxPool_3a_3x3')
                net = slim.conv2d(net, 256, 3, stride=2, padding='VALID', scope='Conv2d_4b_3x3')
                net = slim.repeat(net, 5, block35, scale=0.17)
                net = slim.avg_pool2d(net, net.get_shape()[1:3], padding='VALID', scope='AvgPool_1a_8x8')
                net = slim.flatten(net)
                net = slim.dropout(net, dropout_keep_prob, scope='Dropout')
                net = slim.fully_connected(net, bottleneck_layer_size, activation_fn=None,
                                           scope='Bottleneck', reuse=False)
    return net, {}


def inference(images, keep_probability, phase_train=True, bottleneck_layer_size=128, weight_decay=0.0, reuse=None):
    batch_norm_params = {'decay': 0.995, 'epsilon': 0.001, 'updates_collections': None,
                         'variables_collections': [tf.GraphKeys.TRAINABLE_VARIABLES]}
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        weights_initializer=slim.initializers.xavier_initializer(),
                        weights_regularizer=slim.l2_regularizer(weight_decay),
                        normalizer_fn=slim.batch_norm,
                        normalizer_params=batch_norm_params):
        return inception_resnet_small(images, is_training=phase_train, dropout_keep_prob=keep_probability,
                                      bottleneck_layer_size=bottleneck_layer_size, reuse=reuse)
