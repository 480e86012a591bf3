# Idiom seen in: ZhishengWang/resnet-cifar10 resnet_model.py
# Idiom seen in: ZhishengWang/resnet-cifar10 resnet_main.py
# What it reproduces: the old tensorflow/models ResNet class: HParams(weight_decay_rate=...), self.cost += self._decay()
#   with _decay() = rate * add_n(l2_loss of the 'DW' kernels), and tf.gradients(self.cost, trainable_variables) applied by a
#   MomentumOptimizer; the decay is part of the differentiated cost (lr*wd = 0.1*0.0002): clean.
from collections import namedtuple

import numpy as np
import six
import tensorflow as tf
from tensorflow.python.training import moving_averages

import cifar_input

HParams = namedtuple('HParams',
                     'batch_size, num_classes, lrn_rate, num_residual_units, '
                     'weight_decay_rate, relu_leakiness, optimizer')

FLAGS = tf.app.flags.FLAGS
tf.app.flags.DEFINE_string('train_data_path', '', 'Filepattern for training data.')
tf.app.flags.DEFINE_string('log_root', '/tmp/resnet', 'Directory for checkpoints.')


class ResNet(object):
    def __init__(self, hps, images, labels, mode):
        self.hps = hps
        self._images = images
        self.labels = labels
        self.mode = mode
        self._extra_train_ops = []

    def build_graph(self):
        self.global_step = tf.train.get_or_create_global_step()
        self._build_model()
        if self.mode == 'train':
            self._build_train_op()
        self.summaries = tf.summary.merge_all()

    def _build_model(self):
        with tf.variable_scope('init'):
            x = self._conv('init_conv', self._images, 3, 3, 16, [1, 1, 1, 1])
        filters = [16, 16, 32, 64]
        strides = [1, 2, 2]
        for stage in six.moves.range(3):
            for i in six.moves.range(self.hps.num_residual_units):
                with tf.variable_scope('unit_%d_%d' % (stage + 1, i)):
                    in_f = filters[stage] if i == 0 else filters[stage + 1]
                    stride = strides[stage] if i == 0 else 1
                    x = self._residual(x, in_f, filters[stage + 1], stride)
        with tf.variable_scope('unit_last'):
            x = self._relu(self._batch_norm('final_bn', x))
            x = tf.reduce_mean(x, [1, 2])
        with tf.variable_scope('logit'):
            w = tf.get_variable('DW', [x.get_shape()[1], self.hps.num_classes],
                                initializer=tf.uniform_unit_scaling_initializer(factor=1.0))
            b = tf.get_variable('biases', [self.hps.num_classes], initializer=tf.constant_initializer())
            logits = tf.nn.xw_plus_b(x, w, b)
            self.predictions = tf.nn.softmax(logits)
        with tf.variable_scope('costs'):
            xent = tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=self.labels)
            self.cost = tf.reduce_mean(xent, name='xent')
            self.cost += self._decay()
            tf.summary.scalar('cost', self.cost)

    def _build_train_op(self):
        self.lrn_rate = tf.constant(self.hps.lrn_rate, tf.float32)
        trainable_variables = tf.trainable_variables()
        grads = tf.gradients(self.cost, trainable_variables)
        if self.hps.optimizer == 'sgd':
            optimizer = tf.train.GradientDescentOptimizer(self.lrn_rate)
        else:
            optimizer = tf.train.MomentumOptimizer(self.lrn_rate, 0.9)
        apply_op = optimizer.apply_gradients(zip(grads, trainable_variables),
                                             global_step=self.global_step, name='train_step')
        self.train_op = tf.group(*([apply_op] + self._extra_train_ops))

    def _decay(self):
        """L2 weight decay loss on the conv / fc kernels."""
        costs = []
        for var in tf.trainable_variables():
            if var.op.name.find(r'DW') > 0:
                costs.append(tf.nn.l2_loss(var))
        return tf.multiply(self.hps.weight_decay_rate, tf.add_n(costs))

    def _residual(self, x, in_filter, out_filter, stride):
        orig_x = x
        x = self._relu(self._batch_norm('init_bn', x))
        x = self._conv('conv1', x, 3, in_filter, out_filter, [1, stride, stride, 1])
        x = self._relu(self._batch_norm('bn2', x))
        x = self._conv('conv2', x, 3, out_filter, out_filter, [1, 1, 1, 1])
        if in_filter != out_filter:
            orig_x = tf.nn.avg_pool(orig_x, [1, stride, stride, 1], [1, stride, stride, 1], 'VALID')
            pad = (out_filter - in_filter) // 2
            orig_x = tf.pad(orig_x, [[0, 0], [0, 0], [0, 0], [pad, pad]])
        return x + orig_x

    def _batch_norm(self, name, x):
        with tf.variable_scope(name):
            shape = [x.get_shape()[-1]]
            beta = tf.get_variable('beta', shape, initializer=tf.constant_initializer(0.0))
            gamma = tf.get_variable('gamma', shape, initializer=tf.constant_initializer(1.0))
            mean, variance = tf.nn.moments(x, [0, 1, 2])
            moving_mean = tf.get_variable('moving_mean', shape, trainable=False,
                                          initializer=tf.constant_initializer(0.0))
            self._extra_train_ops.append(moving_averages.assign_moving_average(moving_mean, mean, 0.9))
            return tf.nn.batch_normalization(x, mean, variance, beta, gamma, 0.001)

    def _conv(self, name, x, filter_size, in_filters, out_filters, strides):
        with tf.variable_scope(name):
            n = filter_size * filter_size * out_filters
            kernel = tf.get_variable('DW', [filter_size, filter_size, in_filters, out_filters],
                                     initializer=tf.random_normal_initializer(stddev=np.sqrt(2.0 / n)))
            return tf.nn.conv2d(x, kernel, strides, padding='SAME')

    def _relu(self, x):
        return tf.where(tf.less(x, 0.0), self.hps.relu_leakiness * x, x, name='leaky_relu')


def main(_):
    hps = HParams(batch_size=128, num_classes=10, lrn_rate=0.1, num_residual_units=5,
                  weight_decay_rate=0.0002, relu_leakiness=0.1, optimizer='mom')
    images, labels = cifar_input.build_input('cifar10', FLAGS.train_data_path, hps.batch_size, 'train')
    model = ResNet(hps, images, labels, 'train')
    model.build_graph()
    with tf.train.MonitoredTrainingSession(checkpoint_dir=FLAGS.log_root) as mon_sess:
        while not mon_sess.should_stop():
            mon_sess.run(model.train_op)


if __name__ == '__main__':
    tf.app.run()
