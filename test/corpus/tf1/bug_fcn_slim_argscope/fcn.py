# Idiom seen in: wandou-cc/image-segmentation-models-tf nets/fcn.py
# Idiom seen in: wandou-cc/image-segmentation-models-tf train.py
# What it reproduces: slim FCN whose fcn_arg_scope(weight_decay) gives every conv2d / fully_connected /
#   conv2d_transpose an l2 weights_regularizer; the training script (train.py) minimizes only the data loss via
#   slim.learning.create_train_op, so REGULARIZATION_LOSSES never reach it (user mistake: model_deploy dropped).
import tensorflow as tf

slim = tf.contrib.slim


def fcn_arg_scope(weight_decay=0.0005):
    with slim.arg_scope(
            [slim.conv2d, slim.fully_connected, slim.conv2d_transpose],
            activation_fn=tf.nn.relu,
            weights_regularizer=slim.l2_regularizer(weight_decay),  # expect: WD102
            biases_initializer=tf.zeros_initializer()):
        with slim.arg_scope([slim.conv2d], padding='SAME') as arg_sc:
            return arg_sc


def fcn_32(inputs, num_classes=21, is_training=True, dropout_keep_prob=0.5, scope='fcn_32'):
    with tf.variable_scope(scope, 'fcn_32', [inputs]) as sc:
        end_points_collection = sc.original_name_scope + '_end_points'
        with slim.arg_scope([slim.conv2d, slim.max_pool2d, slim.conv2d_transpose],
                            outputs_collections=end_points_collection):
            net = slim.repeat(inputs, 2, slim.conv2d, 64, [3, 3], scope='conv1')
            net = slim.max_pool2d(net, [2, 2], scope='pool1')
            net = slim.repeat(net, 2, slim.conv2d, 128, [3, 3], scope='conv2')
            net = slim.max_pool2d(net, [2, 2], scope='pool2')
            net = slim.repeat(net, 3, slim.conv2d, 256, [3, 3], scope='conv3')
            net = slim.max_pool2d(net, [2, 2], scope='pool3')
            net = slim.repeat(net, 3, slim.conv2d, 512, [3, 3], scope='conv4')
            net = slim.max_pool2d(net, [2, 2], scope='pool4')
            net = slim.repeat(net, 3, slim.conv2d, 512, [3, 3], scope='conv5')
            net = slim.max_pool2d(net, [2, 2], scope='pool5')

            net = slim.conv2d(net, 4096, [7, 7], scope='fc6')
            net = slim.dropout(net, dropout_keep_prob, is_training=is_training, scope='drop6')
            net = slim.conv2d(net, 4096, [1, 1], scope='fc7')
            net = slim.dropout(net, dropout_keep_prob, is_training=is_training, scope='drop7')
            net = slim.conv2d(net, num_classes, [1, 1], activation_fn=None, scope='score_fr')

            logits = slim.conv2d_transpose(net, num_classes, [64, 64], stride=32,
                                           activation_fn=None, scope='upscore')
            end_points = slim.utils.convert_collection_to_dict(end_points_collection)
            return logits, end_points


fcn_32.default_image_size = 512
