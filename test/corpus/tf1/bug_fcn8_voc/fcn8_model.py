# Idiom seen in: MarvinTeichmann/tensorflow-fcn fcn8_vgg.py
# What it reproduces: FCN8 on VGG16 npy weights; encoder filters put their decay in 'losses', but score layers use 'dec_losses' and the fc/upscore filters use 'fc_wlosses', collections the loss module never sums (bug: WD101 on those two adds).
import logging
from math import ceil

import numpy as np
import tensorflow as tf

VGG_MEAN = [103.939, 116.779, 123.68]


class FCN8VGG(object):
    def __init__(self, npy_path):
        self.data_dict = np.load(npy_path, encoding="latin1", allow_pickle=True).item()
        self.wd = 5e-4

    def build(self, rgb, train=False, num_classes=21):
        red, green, blue = tf.split(rgb, 3, 3)
        bgr = tf.concat([blue - VGG_MEAN[0], green - VGG_MEAN[1], red - VGG_MEAN[2]], 3)
        net = bgr
        pools = {}
        for block, n_convs in ((1, 2), (2, 2), (3, 3), (4, 3), (5, 3)):
            for j in range(1, n_convs + 1):
                net = self._conv_layer(net, "conv%d_%d" % (block, j))
            net = tf.nn.max_pool(net, [1, 2, 2, 1], [1, 2, 2, 1], padding="SAME", name="pool%d" % block)
            pools[block] = net
        fc6 = self._fc_layer(net, "fc6", [7, 7, 512, 4096])
        if train:
            fc6 = tf.nn.dropout(fc6, 0.5)
        fc7 = self._fc_layer(fc6, "fc7", [1, 1, 4096, 4096])
        if train:
            fc7 = tf.nn.dropout(fc7, 0.5)
        score_fr = self._score_layer(fc7, "score_fr", num_classes)
        up2 = self._upscore_layer(score_fr, tf.shape(pools[4]), num_classes, "upscore2", 4, 2)
        fuse4 = up2 + self._score_layer(pools[4], "score_pool4", num_classes)
        up4 = self._upscore_layer(fuse4, tf.shape(pools[3]), num_classes, "upscore4", 4, 2)
        fuse3 = up4 + self._score_layer(pools[3], "score_pool3", num_classes)
        self.upscore32 = self._upscore_layer(fuse3, tf.shape(bgr), num_classes, "upscore32", 16, 8)
        self.pred_up = tf.argmax(self.upscore32, axis=3)
        return self.upscore32

    def _conv_layer(self, bottom, name):
        with tf.variable_scope(name):
            filt = self.get_conv_filter(name)
            conv = tf.nn.conv2d(bottom, filt, [1, 1, 1, 1], padding="SAME")
            return tf.nn.relu(tf.nn.bias_add(conv, self.get_bias(name)))

    def _fc_layer(self, bottom, name, shape):
        with tf.variable_scope(name):
            weights = self.data_dict[name][0].reshape(shape)
            filt = tf.get_variable("weights", initializer=tf.constant_initializer(weights), shape=shape)
            self._add_wd_and_summary(filt, self.wd, "fc_wlosses")
            conv = tf.nn.conv2d(bottom, filt, [1, 1, 1, 1], padding="SAME")
            return tf.nn.relu(tf.nn.bias_add(conv, self.get_bias(name)))

    def _score_layer(self, bottom, name, num_classes):
        with tf.variable_scope(name):
            in_features = bottom.get_shape()[3].value
            stddev = {"score_fr": (2.0 / in_features) ** 0.5, "score_pool4": 1e-3}.get(name, 1e-4)
            weights = self._variable_with_weight_decay([1, 1, in_features, num_classes], stddev,
                                                       self.wd, decoder=True)
            conv = tf.nn.conv2d(bottom, weights, [1, 1, 1, 1], padding="SAME")
            biases = tf.get_variable("biases", [num_classes], initializer=tf.zeros_initializer())
            return tf.nn.bias_add(conv, biases)

    def _upscore_layer(self, bottom, shape, num_classes, name, ksize, stride):
        with tf.variable_scope(name):
            in_features = bottom.get_shape()[3].value
            output_shape = tf.stack([shape[0], shape[1], shape[2], num_classes])
            weights = self.get_deconv_filter([ksize, ksize, num_classes, in_features])
            self._add_wd_and_summary(weights, self.wd, "fc_wlosses")
            logging.debug("Layer: %s, Fan-in: %d", name, in_features)
            return tf.nn.conv2d_transpose(bottom, weights, output_shape,
                                          strides=[1, stride, stride, 1], padding="SAME")

    def get_deconv_filter(self, f_shape):
        width = f_shape[0]
        f = ceil(width / 2.0)
        c = (2 * f - 1 - f % 2) / (2.0 * f)
        bilinear = np.zeros([f_shape[0], f_shape[1]])
        for x in range(width):
            for y in range(width):
                bilinear[x, y] = (1 - abs(x / f - c)) * (1 - abs(y / f - c))
        weights = np.zeros(f_shape)
        for i in range(f_shape[2]):
            weights[:, :, i, i] = bilinear
        return tf.get_variable("up_filter", initializer=tf.constant_initializer(weights), shape=weights.shape)

    def get_conv_filter(self, name):
        init = tf.constant_initializer(value=self.data_dict[name][0], dtype=tf.float32)
        var = tf.get_variable("filter", initializer=init, shape=self.data_dict[name][0].shape)
        if not tf.get_variable_scope().reuse:
            weight_decay = tf.multiply(tf.nn.l2_loss(var), self.wd, name="weight_loss")
            tf.add_to_collection("losses", weight_decay)
        return var

    def get_bias(self, name):
        init = tf.constant_initializer(value=self.data_dict[name][1], dtype=tf.float32)
        return tf.get_variable("biases", initializer=init, shape=self.data_dict[name][1].shape)

    def _variable_with_weight_decay(self, shape, stddev, wd, decoder=False):
        var = tf.get_variable("weights", shape=shape,
                              initializer=tf.truncated_normal_initializer(stddev=stddev))
        if wd and (not tf.get_variable_scope().reuse):
            weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name="weight_loss")
            if not decoder:
                tf.add_to_collection("losses", weight_decay)
            else:
                tf.add_to_collection("dec_losses", weight_decay)  # expect: WD101
        return var

    def _add_wd_and_summary(self, var, wd, collection_name="losses"):
        if wd and (not tf.get_variable_scope().reuse):
            weight_decay = tf.multiply(tf.nn.l2_loss(var), wd, name="weight_loss")
            tf.add_to_collection(collection_name, weight_decay)  # expect: WD101
        tf.summary.histogram(var.op.name, var)
        return var
