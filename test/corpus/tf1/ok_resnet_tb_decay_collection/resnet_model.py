# Idiom seen in: giladcohen/tensorflow_TB lib/models/resnet_model.py
# What it reproduces: a Wide-ResNet subclass that only builds the inference graph (DW kernels), leaving
#   losses and the train op to ModelBase.
import tensorflow as tf

import layers as L
from model_base import ModelBase


class ResNet(ModelBase):
    def _residual(self, x, in_filter, out_filter, stride):
        orig_x = x
        x = tf.layers.batch_normalization(x, training=self.is_training)
        x = L.relu(x, 0.1)
        x = L.conv('conv1', x, 3, out_filter, L.stride_arr(stride))
        x = tf.layers.batch_normalization(x, training=self.is_training)
        x = L.relu(x, 0.1)
        x = L.conv('conv2', x, 3, out_filter, L.stride_arr(1))
        if in_filter != out_filter:
            orig_x = L.conv('shortcut', orig_x, 1, out_filter, L.stride_arr(stride))
        return x + orig_x

    def _build_inference(self):
        filters = self.prm['RESNET_FILTERS']
        x = L.conv('init_conv', self.images, 3, filters[0], L.stride_arr(1))
        strides = [1, 2, 2]
        for stage in range(3):
            for unit in range(self.prm['NUM_RESIDUAL_UNITS']):
                with tf.variable_scope('unit_%d_%d' % (stage + 1, unit)):
                    in_filter = filters[stage] if unit == 0 else filters[stage + 1]
                    x = self._residual(x, in_filter, filters[stage + 1], strides[stage] if unit == 0 else 1)
        x = L.relu(tf.layers.batch_normalization(x, training=self.is_training), 0.1)
        self.net['embedding_layer'] = L.global_avg_pool(x)
        self.net['logits'] = L.fully_connected(self.net['embedding_layer'], self.prm['NUM_CLASSES'])
