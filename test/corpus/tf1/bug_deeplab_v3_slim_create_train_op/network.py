# Idiom seen in: sthalles/deeplab_v3 resnet/resnet_utils.py
# Idiom seen in: sthalles/deeplab_v3 network.py
# Idiom seen in: sthalles/deeplab_v3 train.py
# What it reproduces: slim arg_scope gives every conv an L2 weights_regularizer, but train.py hands only the
# cross-entropy to slim.learning.create_train_op, which does not add REGULARIZATION_LOSSES: decay is dead.
import tensorflow as tf

import resnet_utils

slim = tf.contrib.slim


def atrous_spatial_pyramid_pooling(net, scope, depth=256):
    with tf.variable_scope(scope):
        feature_map_size = tf.shape(net)
        image_level_features = tf.reduce_mean(net, [1, 2], name='image_level_global_pooling', keepdims=True)
        image_level_features = slim.conv2d(image_level_features, depth, [1, 1], scope='conv_1x1')
        image_level_features = tf.image.resize_bilinear(image_level_features, (feature_map_size[1], feature_map_size[2]))
        at_pool1x1 = slim.conv2d(net, depth, [1, 1], scope='conv_1x1_0')
        at_pool3x3_1 = resnet_utils.conv2d_same(net, depth, 3, stride=1, rate=6, scope='conv_3x3_1')
        at_pool3x3_2 = resnet_utils.conv2d_same(net, depth, 3, stride=1, rate=12, scope='conv_3x3_2')
        net = tf.concat((image_level_features, at_pool1x1, at_pool3x3_1, at_pool3x3_2), axis=3, name='concat')
        return slim.conv2d(net, depth, [1, 1], scope='conv_1x1_output')


def deeplab_v3(inputs, args, is_training, reuse):
    with slim.arg_scope(resnet_utils.resnet_arg_scope(weight_decay=args.l2_regularizer,
                                                      batch_norm_decay=args.batch_norm_decay,
                                                      batch_norm_epsilon=args.batch_norm_epsilon)):
        with tf.variable_scope('DeepLab_v3', reuse=reuse):
            net = resnet_utils.conv2d_same(inputs, 64, 7, stride=2, scope='root_conv')
            net = slim.max_pool2d(net, [3, 3], stride=2)
            for i, depth in enumerate([256, 512, 1024]):
                net = resnet_utils.conv2d_same(net, depth, 3, stride=2, scope='block%d' % (i + 1))
            net = atrous_spatial_pyramid_pooling(net, 'ASPP_layer', depth=256)
            net = slim.conv2d(net, args.number_of_classes, [1, 1], activation_fn=None,
                              normalizer_fn=None, scope='logits')
            size = tf.shape(inputs)[1:3]
            return tf.image.resize_bilinear(net, size)


def model_loss(logits, labels, class_labels):
    valid_labels_batch_tensor, valid_logits_batch_tensor = tf.stop_gradient(labels), logits
    valid_labels = tf.reshape(valid_labels_batch_tensor, [-1])
    valid_logits = tf.reshape(valid_logits_batch_tensor, [-1, tf.shape(logits)[-1]])
    cross_entropy = tf.losses.sparse_softmax_cross_entropy(logits=valid_logits, labels=valid_labels)
    cross_entropy_mean = tf.reduce_mean(cross_entropy)
    pred = tf.argmax(logits, axis=3)
    return cross_entropy_mean, pred
