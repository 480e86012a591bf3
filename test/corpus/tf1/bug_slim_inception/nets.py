# Idiom seen in: weizhenzhao/Tensorflow Inception3.py
# What it reproduces: a small Inception-style slim network whose conv and fc layers get
#   weights_regularizer through slim.arg_scope inside the network function. The training script
#   (train.py) minimizes a hand-built cross entropy and never retrieves the regularization losses.
import tensorflow as tf

slim = tf.contrib.slim


def inception_module(net, depth, scope):
    with tf.variable_scope(scope):
        b0 = slim.conv2d(net, depth, [1, 1], scope='b0_1x1')
        b1 = slim.conv2d(slim.conv2d(net, depth // 2, [1, 1], scope='b1_1x1'), depth, [3, 3], scope='b1_3x3')
        b2 = slim.conv2d(slim.conv2d(net, depth // 4, [1, 1], scope='b2_1x1'), depth // 2, [5, 5], scope='b2_5x5')
        b3 = slim.conv2d(slim.max_pool2d(net, [3, 3], stride=1, padding='SAME'), depth // 2, [1, 1], scope='b3_pool')
        return tf.concat([b0, b1, b2, b3], axis=3)


def mini_inception(images, num_classes, is_training, weight_decay=0.00004):
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        weights_regularizer=slim.l2_regularizer(weight_decay),  # expect: WD102
                        activation_fn=tf.nn.relu):
        with slim.arg_scope([slim.conv2d], padding='SAME', normalizer_fn=slim.batch_norm,
                            normalizer_params={'is_training': is_training}):
            net = slim.conv2d(images, 32, [3, 3], stride=2, scope='conv0')
            net = slim.conv2d(net, 64, [3, 3], scope='conv1')
            net = slim.max_pool2d(net, [3, 3], stride=2, padding='SAME')
            net = inception_module(net, 64, 'mixed_a')
            net = inception_module(net, 128, 'mixed_b')
            net = tf.reduce_mean(net, [1, 2])
            net = slim.dropout(net, 0.8, is_training=is_training)
            logits = slim.fully_connected(net, num_classes, activation_fn=None, scope='logits')
    return logits
