# Idiom seen in: Belafespud/ML_Project CNNs/google-landmark/nets/vgg.py
# What it reproduces: a slim VGG-style net with the usual arg_scope function giving every conv/fc layer
#   weights_regularizer=slim.l2_regularizer(weight_decay); in this program the training script never reads the
#   regularization losses, so the regularizer is dead (WD102 at the arg_scope keyword).
import tensorflow as tf

slim = tf.contrib.slim


def mini_vgg_arg_scope(weight_decay=0.0005):
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        activation_fn=tf.nn.relu,
                        weights_regularizer=slim.l2_regularizer(weight_decay),  # expect: WD102
                        biases_initializer=tf.zeros_initializer()):
        with slim.arg_scope([slim.conv2d], padding="SAME") as arg_sc:
            return arg_sc


def mini_vgg(inputs, num_classes=1000, is_training=True, dropout_keep_prob=0.5, scope="mini_vgg"):
    with tf.variable_scope(scope, "mini_vgg", [inputs]) as sc:
        end_points_collection = sc.original_name_scope + "_end_points"
        with slim.arg_scope([slim.conv2d, slim.fully_connected, slim.max_pool2d],
                            outputs_collections=end_points_collection):
            net = slim.repeat(inputs, 2, slim.conv2d, 64, [3, 3], scope="conv1")
            net = slim.max_pool2d(net, [2, 2], scope="pool1")
            net = slim.repeat(net, 2, slim.conv2d, 128, [3, 3], scope="conv2")
            net = slim.max_pool2d(net, [2, 2], scope="pool2")
            net = slim.repeat(net, 3, slim.conv2d, 256, [3, 3], scope="conv3")
            net = slim.max_pool2d(net, [2, 2], scope="pool3")
            net = slim.flatten(net)
            net = slim.fully_connected(net, 1024, scope="fc6")
            net = slim.dropout(net, dropout_keep_prob, is_training=is_training, scope="dropout6")
            net = slim.fully_connected(net, num_classes, activation_fn=None, scope="fc7")
            end_points = slim.utils.convert_collection_to_dict(end_points_collection)
            return net, end_points
