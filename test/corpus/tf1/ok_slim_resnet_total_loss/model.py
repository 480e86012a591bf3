# Idiom seen in: luzai/tf-slim-mnist src/model.py
# Idiom seen in: luzai/tf-slim-mnist src/cifar10_train.py
# What it reproduces: a slim network built inside slim.arg_scope(weights_regularizer=slim.l2_regularizer(wd));
# the training script minimizes tf.losses.get_total_loss(), which includes the regularization losses. Clean.
import tensorflow as tf
import tensorflow.contrib.slim as slim


def small_resnet(images, num_classes=10, weight_decay=1e-4, is_training=True):
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        weights_regularizer=slim.l2_regularizer(weight_decay),
                        weights_initializer=slim.variance_scaling_initializer()):
        with slim.arg_scope([slim.batch_norm], is_training=is_training, decay=0.9):
            net = slim.conv2d(images, 32, [3, 3], normalizer_fn=slim.batch_norm, scope='conv0')
            for i, depth in enumerate([32, 64, 128]):
                stride = 1 if i == 0 else 2
                shortcut = slim.conv2d(net, depth, [1, 1], stride=stride, activation_fn=None,
                                       scope='short%d' % i)
                net = slim.conv2d(net, depth, [3, 3], stride=stride, normalizer_fn=slim.batch_norm,
                                  scope='block%d_a' % i)
                net = slim.conv2d(net, depth, [3, 3], activation_fn=None, normalizer_fn=slim.batch_norm,
                                  scope='block%d_b' % i)
                net = tf.nn.relu(net + shortcut)
            net = tf.reduce_mean(net, [1, 2])
            logits = slim.fully_connected(net, num_classes, activation_fn=None, scope='logits')
    return logits
