# Idiom seen in: haoheliu/Key-word-spotting-DNN-GRU-DSCNN config.py
# Idiom seen in: haoheliu/Key-word-spotting-DNN-GRU-DSCNN model.py
# Idiom seen in: haoheliu/Key-word-spotting-DNN-GRU-DSCNN train.py
# What it reproduces: wake-word DS-CNN (slim, Config class) with L2 wired through a guarded helper (slim.l2_regularizer
#   only if Config.weightDecay > 0) plus get_regularization_loss() in the loss, but Config.weightDecay is left at 0.0:
#   the decay never runs (user mistake; the repo had no decay). "Pred_network" is a tensor store, not a loss.
import math
import os

import tensorflow as tf
import tensorflow.contrib.slim as slim

from config import Config


def _weights_regularizer():
    if Config.weightDecay > 0:  # expect: WD303
        return slim.l2_regularizer(Config.weightDecay)
    return None


class Model:
    def create_ds_cnn_model(self, fingerprint_input, model_settings, model_size_info, is_training):
        def _depthwise_separable_conv(inputs, num_pwc_filters, sc, kernel_size, stride):
            depthwise_conv = slim.separable_convolution2d(inputs, num_outputs=None, stride=stride,
                                                          depth_multiplier=1, kernel_size=kernel_size,
                                                          scope=sc + '/dw_conv')
            bn = slim.batch_norm(depthwise_conv, scope=sc + '/dw_conv/batch_norm')
            pointwise_conv = slim.convolution2d(bn, num_pwc_filters, kernel_size=[1, 1], scope=sc + '/pw_conv')
            return slim.batch_norm(pointwise_conv, scope=sc + '/pw_conv/batch_norm')

        label_count = model_settings['label_count']
        t_dim = model_settings['stack_frame_number']
        f_dim = model_settings['feature_number']
        fingerprint_4d = tf.reshape(fingerprint_input, [-1, t_dim, f_dim, 1])

        num_layers = model_size_info[0]
        params = [model_size_info[1 + 5 * n:6 + 5 * n] for n in range(num_layers)]
        with tf.variable_scope('DS-CNN'):
            with slim.arg_scope([slim.convolution2d, slim.separable_convolution2d],
                                activation_fn=None,
                                weights_initializer=slim.initializers.xavier_initializer(),
                                weights_regularizer=_weights_regularizer(),
                                biases_initializer=tf.zeros_initializer()):
                with slim.arg_scope([slim.batch_norm], is_training=is_training, decay=0.96,
                                    updates_collections=None, activation_fn=tf.nn.relu):
                    for layer_no, (feat, kt, kf, st, sf) in enumerate(params):
                        if layer_no == 0:
                            net = slim.convolution2d(fingerprint_4d, feat, [kt, kf], stride=[st, sf],
                                                     padding='SAME', scope='conv_1')
                            net = slim.batch_norm(net, scope='conv_1/batch_norm')
                        else:
                            net = _depthwise_separable_conv(net, feat, kernel_size=[kt, kf], stride=[st, sf],
                                                            sc='conv_ds_' + str(layer_no))
                        t_dim = math.ceil(t_dim / float(st))
                        f_dim = math.ceil(f_dim / float(sf))
                    net = slim.avg_pool2d(net, [t_dim, f_dim], scope='avg_pool')
            net = tf.squeeze(net, [1, 2], name='SpatialSqueeze')
            logits = slim.fully_connected(net, label_count, activation_fn=None,
                                          weights_regularizer=_weights_regularizer(), scope='fc1')
        return logits

    def lossFunc_dscnn(self, inputs, targets):
        output = tf.nn.softmax_cross_entropy_with_logits(logits=inputs, labels=targets)
        output = tf.reduce_sum(output)
        return output + tf.losses.get_regularization_loss()

    def save(self, sess):
        self.saver = tf.train.Saver()
        if not os.path.exists("./models/DSCNN"):
            os.makedirs("./models/DSCNN")
        self.saver.save(sess, "./models/DSCNN/model.ckpt")
