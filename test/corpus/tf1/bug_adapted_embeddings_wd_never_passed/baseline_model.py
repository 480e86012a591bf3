# Idiom seen in: tylersco/adapted_deep_embeddings models/baseline_model.py
# Idiom seen in: tylersco/adapted_deep_embeddings models/utils.py
# What it reproduces: danijar-style define_scope models built from helpers that can add weight decay,
#   but no layer passes weight_decay and optimize() minimizes the bare cross entropy.
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import os

import tensorflow as tf

from utils import AttrDict, _conv, define_scope, _fully_connected, get_available_gpus, _max_pooling, _relu, _softmax


class BaselineModel(object):

    def __init__(self, config):
        self.config = AttrDict(config)
        self.saver = None
        self.learning_rate = tf.placeholder(tf.float32)
        self.is_train = tf.placeholder(tf.bool)

    def create_saver(self):
        self.saver = tf.train.Saver(tf.global_variables(), max_to_keep=1)

    def save_model(self, sess, step):
        self.saver.save(sess, os.path.join(self.config.save_dir, 'model.ckpt'), global_step=step)

    @define_scope
    def optimize(self):
        pred = self.prediction
        cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(
            logits=pred, labels=tf.one_hot(self.target, self.config.n)))
        optimizer = tf.train.AdamOptimizer(learning_rate=self.learning_rate)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            train_op = optimizer.minimize(cost)
        return train_op, cost

    @define_scope
    def metrics(self):
        acc, update_acc = tf.metrics.accuracy(self.target, tf.argmax(_softmax(self.prediction), axis=1))
        return update_acc


class MNISTBaselineModel(BaselineModel):

    def __init__(self, config):
        super(MNISTBaselineModel, self).__init__(config)
        self.input = tf.placeholder(tf.float32, [None, 784])
        self.target = tf.placeholder(tf.int64, [None])
        self.prediction
        self.optimize
        self.metrics

    @define_scope
    def prediction(self):
        x = tf.reshape(self.input, [-1, 28, 28, 1])
        x = _relu(_conv('conv1', x, 3, x.get_shape()[-1], 32, 1))
        x = _max_pooling('pool2', _relu(_conv('conv2', x, 3, x.get_shape()[-1], 32, 1)), 2, 2)
        x = tf.layers.flatten(x)
        x = _relu(_fully_connected('fc1', x, 128))
        return _fully_connected('fc2', x, self.config.n)


class IsoletBaselineModel(BaselineModel):

    def __init__(self, config):
        super(IsoletBaselineModel, self).__init__(config)
        self.input = tf.placeholder(tf.float32, [None, 617])
        self.target = tf.placeholder(tf.int64, [None])
        self.prediction
        self.optimize
        self.metrics

    @define_scope
    def prediction(self):
        x = _relu(_fully_connected('fc1', self.input, 128))
        x = _relu(_fully_connected('fc2', x, 64))
        return _fully_connected('fc3', x, self.config.n)
