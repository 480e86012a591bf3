# Idiom seen in: hwalsuklee/tensorflow-mnist-cnn cnn_model.py
# Idiom seen in: hwalsuklee/tensorflow-mnist-cnn mnist_cnn_train.py
# What it reproduces: a slim CNN whose arg_scope sets normalizer_fn for conv2d/fully_connected; here the
#   user also adds weights_regularizer there (a realistic edit of the repo, which had no decay), but the
#   training script minimizes only the softmax cross entropy, so REGULARIZATION_LOSSES is never read.
import tensorflow as tf
import tensorflow.contrib.slim as slim


def CNN(inputs, is_training=True, weight_decay=5e-4):
    batch_norm_params = {'is_training': is_training, 'decay': 0.9, 'updates_collections': None}
    with slim.arg_scope([slim.conv2d, slim.fully_connected],
                        normalizer_fn=slim.batch_norm,
                        normalizer_params=batch_norm_params,
                        weights_regularizer=slim.l2_regularizer(weight_decay)):  # expect: WD102
        x = tf.reshape(inputs, [-1, 28, 28, 1])

        net = slim.conv2d(x, 32, [5, 5], scope='conv1')
        net = slim.max_pool2d(net, [2, 2], scope='pool1')
        net = slim.conv2d(net, 64, [5, 5], scope='conv2')
        net = slim.max_pool2d(net, [2, 2], scope='pool2')
        net = slim.flatten(net, scope='flatten3')

        net = slim.fully_connected(net, 1024, scope='fc3')
        net = slim.dropout(net, is_training=is_training, scope='dropout3')
        outputs = slim.fully_connected(net, 10, activation_fn=None, normalizer_fn=None, scope='fco')
    return outputs
