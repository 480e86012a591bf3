# Idiom seen in: zssloth/TF-Speech-Recognition asr_model.py
# What it reproduces: the ResNet-style `_decay()` helper (sum of l2_loss over 'DW' kernels times
# hps.weight_decay_rate) in a CLDNN speech model with CTC loss. The repository adds it to self.cost; here (a realistic
# edit when the cost is clamped/debugged) the decay is kept only as a summary and the train op differentiates the bare
# CTC cost, so the decay term is computed and dropped.
from collections import namedtuple

import numpy as np
import six
import tensorflow as tf

HParams = namedtuple('HParams', 'batch_size, num_classes, lrn_rate, num_layers, '
                                'weight_decay_rate, relu_leakiness, optimizer')


class ASRModel(object):

    def __init__(self, hps, mode, mfccs, labels, seq_len):
        self.hps = hps
        self.mode = mode
        self.mfccs = mfccs
        self.labels = labels
        self.seq_len = seq_len
        self._extra_train_ops = []

    def build_graph(self):
        self.global_step = tf.train.get_or_create_global_step()
        self._build_model()
        if self.mode == 'train':
            self._build_train_op()
        self.summaries = tf.summary.merge_all()

    def _build_model(self):
        with tf.variable_scope('init'):
            x = self._conv('conv', self.mfccs, 7, 3, 32, [1, 2, 1, 1])
            x = self._relu(x, self.hps.relu_leakiness)
        for i in six.moves.range(4):
            with tf.variable_scope('res_unit_%d' % i):
                x = self._residual(x, 32)
        x = tf.reshape(x, [self.hps.batch_size, -1, 32 * 13])
        for i in six.moves.range(self.hps.num_layers):
            with tf.variable_scope('rnn_%d' % i):
                cell = tf.contrib.rnn.BasicLSTMCell(416, forget_bias=0.0)
                out, _ = tf.nn.dynamic_rnn(cell, x, sequence_length=self.seq_len, dtype=tf.float32)
                x = x + out
        with tf.variable_scope('logit'):
            logits = self._fully_connected(tf.reshape(x, [-1, 416]), self.hps.num_classes)
            logits = tf.transpose(tf.reshape(logits, [self.hps.batch_size, -1, self.hps.num_classes]), (1, 0, 2))

        loss = tf.nn.ctc_loss(self.labels, logits, self.seq_len)
        self.cost = tf.reduce_mean(loss)
        weight_cost = self._decay()  # expect: WD104
        tf.summary.scalar('weight_cost', weight_cost)
        tf.summary.scalar('cost', self.cost)
        self.decoded, _ = tf.nn.ctc_greedy_decoder(logits, self.seq_len)
        self.ler = tf.reduce_mean(tf.edit_distance(tf.cast(self.decoded[0], tf.int32), self.labels))

    def _build_train_op(self):
        self.lrn_rate = tf.constant(self.hps.lrn_rate, tf.float32)
        trainable_variables = tf.trainable_variables()
        grads = tf.gradients(self.cost, trainable_variables)
        grads, _ = tf.clip_by_global_norm(grads, 100.0)
        if self.hps.optimizer == 'sgd':
            optimizer = tf.train.GradientDescentOptimizer(self.lrn_rate)
        elif self.hps.optimizer == 'mom':
            optimizer = tf.train.MomentumOptimizer(self.lrn_rate, 0.9)
        else:
            optimizer = tf.train.AdamOptimizer(self.lrn_rate)
        apply_op = optimizer.apply_gradients(zip(grads, trainable_variables),
                                             global_step=self.global_step, name='train_step')
        self.train_op = tf.group(*([apply_op] + self._extra_train_ops))

    def _decay(self):
        """L2 weight decay loss."""
        costs = []
        for var in tf.trainable_variables():
            if var.op.name.find(r'DW') >= 0:
                costs.append(tf.nn.l2_loss(var))
        return tf.multiply(self.hps.weight_decay_rate, tf.add_n(costs))

    def _residual(self, x, filters):
        orig_x = x
        x = self._relu(x, self.hps.relu_leakiness)
        with tf.variable_scope('sub1'):
            x = self._conv('conv1', x, 3, filters, filters, [1, 1, 1, 1])
        with tf.variable_scope('sub2'):
            x = self._relu(x, self.hps.relu_leakiness)
            x = self._conv('conv2', x, 3, filters, filters, [1, 1, 1, 1])
        return x + orig_x

    def _conv(self, name, x, filter_size, in_filters, out_filters, strides):
        with tf.variable_scope(name):
            n = filter_size * filter_size * out_filters
            kernel = tf.get_variable('DW', [filter_size, filter_size, in_filters, out_filters], tf.float32,
                                     initializer=tf.random_normal_initializer(stddev=np.sqrt(2.0 / n)))
        return tf.nn.conv2d(x, kernel, strides, padding='SAME')

    def _relu(self, x, leakiness=0.0):
        return tf.where(tf.less(x, 0.0), leakiness * x, x, name='leaky_relu')

    def _fully_connected(self, x, out_dim):
        w = tf.get_variable('DW', [x.get_shape()[1], out_dim],
                            initializer=tf.uniform_unit_scaling_initializer(factor=1.0))
        b = tf.get_variable('biases', [out_dim], initializer=tf.constant_initializer())
        return tf.nn.xw_plus_b(x, w, b)
