# Idiom seen in: luckycallor/InsightFace-tensorflow model.py
# Idiom seen in: luckycallor/InsightFace-tensorflow losses/logit_loss.py
# Idiom seen in: luckycallor/InsightFace-tensorflow train_softmax.py
# What it reproduces: slim arg_scope and the arcface weight carry L2 regularizers; Trainer.build sums
# REGULARIZATION_LOSSES into wd_loss and minimizes inference_loss + wd_loss with momentum (clean).
import tensorflow as tf
import tensorflow.contrib.slim as slim


def get_embd(inputs, is_training_dropout, is_training_bn, config, reuse=False, scope='embd_extractor'):
    with tf.variable_scope(scope, reuse=reuse):
        end_points = {}
        with slim.arg_scope([slim.conv2d, slim.fully_connected],
                            weights_regularizer=slim.l2_regularizer(config['weight_decay']),
                            weights_initializer=slim.variance_scaling_initializer(),
                            normalizer_fn=None):
            with slim.arg_scope([slim.batch_norm], decay=config['bn_decay'], epsilon=2e-5, is_training=is_training_bn):
                net = slim.conv2d(inputs, 64, 3, stride=1, activation_fn=None, scope='conv1')
                net = slim.batch_norm(net, activation_fn=tf.nn.relu, scope='bn1')
                for i, depth in enumerate([64, 128, 256, 512]):
                    net = slim.conv2d(net, depth, 3, stride=2, activation_fn=None, scope='stage%d' % (i + 1))
                    net = slim.batch_norm(net, activation_fn=tf.nn.relu, scope='stage%d_bn' % (i + 1))
                net = slim.batch_norm(net, activation_fn=None)
                net = slim.dropout(net, keep_prob=config['keep_prob'], is_training=is_training_dropout)
                net = slim.flatten(net)
                net = slim.fully_connected(net, config['embd_size'], normalizer_fn=None, activation_fn=None)
                net = slim.batch_norm(net, scale=False, activation_fn=None)
                end_points['embds'] = net
        return net, end_points
