# Idiom seen in: nilboy/tensorflow-yolo yolo/solver/yolo_solver.py (YoloSolver._train, construct_graph, solve)
# What it reproduces: the solver asks the net for total_loss and builds MomentumOptimizer
#   compute_gradients/apply_gradients on it; two Savers restore the pretrained trunk and save everything.
import os

import numpy as np
import tensorflow as tf


class YoloSolver(object):
    def __init__(self, dataset, net, common_params, solver_params):
        self.moment = float(solver_params['moment'])
        self.learning_rate = float(solver_params['learning_rate'])
        self.batch_size = int(common_params['batch_size'])
        self.height = self.width = int(common_params['image_size'])
        self.train_dir = str(solver_params['train_dir'])
        self.pretrain_path = str(solver_params['pretrain_model_path'])
        self.max_iterators = int(solver_params['max_iterators'])
        self.dataset = dataset
        self.net = net
        self.construct_graph()

    def _train(self):
        opt = tf.train.MomentumOptimizer(self.learning_rate, self.moment)
        grads = opt.compute_gradients(self.total_loss)
        return opt.apply_gradients(grads, global_step=self.global_step)

    def construct_graph(self):
        self.global_step = tf.Variable(0, trainable=False)
        self.images = tf.placeholder(tf.float32, (self.batch_size, self.height, self.width, 3))
        grid = (self.net.cell_size, self.net.cell_size, self.net.num_classes + 5)
        self.labels = tf.placeholder(tf.float32, (self.batch_size,) + grid)
        self.predicts = self.net.inference(self.images)
        self.total_loss = self.net.loss(self.predicts, self.labels)
        tf.summary.scalar('loss', self.total_loss)
        self.train_op = self._train()

    def solve(self):
        saver_pretrain = tf.train.Saver(self.net.pretrained_collection, write_version=1)
        saver_train = tf.train.Saver(self.net.trainable_collection, write_version=1)
        summary_op = tf.summary.merge_all()
        sess = tf.Session()
        sess.run(tf.global_variables_initializer())
        saver_pretrain.restore(sess, self.pretrain_path)
        summary_writer = tf.summary.FileWriter(self.train_dir, sess.graph)
        for step in range(self.max_iterators):
            np_images, np_labels = self.dataset.batch()
            _, loss_value = sess.run([self.train_op, self.total_loss],
                                     feed_dict={self.images: np_images, self.labels: np_labels})
            assert not np.isnan(loss_value), 'Model diverged with loss = NaN'
            if step % 100 == 0:
                summary_writer.add_summary(sess.run(summary_op, feed_dict={self.images: np_images,
                                                                         self.labels: np_labels}), step)
            if step % 5000 == 0:
                saver_train.save(sess, os.path.join(self.train_dir, 'model.ckpt'), global_step=self.global_step)
        sess.close()
