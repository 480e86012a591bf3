# Idiom seen in: Zxr1314/DeepLearning net/net.py
# Idiom seen in: Zxr1314/DeepLearning net/unet2d.py
# Idiom seen in: Zxr1314/DeepLearning solver/solver2d.py
# What it reproduces: a Net base class whose conv2d helper builds its kernels with the CIFAR-10
#   _variable_with_weight_decay (wd=1.0) into the 'losses' collection; the subclass's loss() returns
#   only the data term and the solver minimizes that, so nothing ever sums 'losses' (real repo bug).
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import sys
import time
from datetime import datetime

import numpy as np
import tensorflow as tf


class Solver2D(object):
    def __init__(self, dataset, net, common_params, solver_params):
        self.learning_rate = solver_params['learning_rate']
        self.beta1 = float(solver_params['beta1'])
        self.beta2 = float(solver_params['beta2'])
        self.width = common_params['width']
        self.height = common_params['height']
        self.channel = int(common_params['channel'])
        self.train_dir = str(solver_params['train_dir'])
        self.model_name = solver_params['model_name']
        self.max_iterators = int(solver_params['max_iterators'])
        self.eval_names = solver_params['eval_names']
        self.dataset = dataset
        self.net = net
        self.config = tf.ConfigProto()
        self.config.gpu_options.allow_growth = True
        self.construct_graph()

    def _train(self, lr):
        opt = tf.train.AdamOptimizer(lr, self.beta1, self.beta2)
        return opt.minimize(self.loss, global_step=self.global_step,
                            var_list=self.net.trainable_collection)

    def construct_graph(self):
        self.global_step = tf.Variable(0, trainable=False)
        self.images = tf.placeholder(tf.float32, [None, self.height, self.width, self.channel])
        self.labels = tf.placeholder(tf.float32, [None, self.height, self.width, self.channel])
        self.lr = tf.placeholder(tf.float32)
        self.predicts = self.net.inference(self.images)
        self.loss, self.evals = self.net.loss(self.predicts['out'], self.labels, self.eval_names)
        tf.summary.scalar('loss', self.loss)
        self.train_op = self._train(self.lr)

    def initialize(self):
        self.sess = tf.Session(config=self.config)
        self.sess.run(tf.global_variables_initializer())

    def solve(self):
        saver = tf.train.Saver(self.net.all_collection, write_version=1)
        for step in range(self.max_iterators):
            start_time = time.time()
            np_images, np_labels = self.dataset.batch()
            _, loss, evals = self.sess.run(
                [self.train_op, self.loss, self.evals],
                feed_dict={self.images: np_images, self.labels: np_labels,
                           self.lr: self.learning_rate[step]})
            assert not np.isnan(loss), 'Model diverged with loss = NaN'
            if step % 10 == 0:
                print('%s: step %d, loss = %f (%.3f sec/batch)' % (
                    datetime.now(), step, loss, time.time() - start_time))
                print(evals)
                sys.stdout.flush()
            if step % 1000 == 999:
                saver.save(self.sess, self.train_dir + '/' + self.model_name + '.cpkt',
                           global_step=self.global_step)
