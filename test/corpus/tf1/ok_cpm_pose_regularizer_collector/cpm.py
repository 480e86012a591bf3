# Idiom seen in: mpskex/Convolutional-Pose-Machine-tf net/CPM.py
# What it reproduces: the CPM model: BuildModel creates an L2Regularizer(beta=1e-4), every stage's conv
#   block feeds it, and build_train_op adds reduce_sum of the regularizers' outputs to the stage losses
#   that GradientDescentOptimizer minimizes. Clean: the collected L2 reaches the minimized loss.
import numpy as np
import tensorflow as tf

import regularizer as Regularizer
from layers import LayerLibrary


class CPM(LayerLibrary):
    def __init__(self, base_lr=0.0005, in_size=368, batch_size=16, epoch=20, dataset=None, stage=6,
                 epoch_size=1000, training=True, joints=None, log_dir=None):
        self.base_lr = base_lr
        self.in_size = in_size
        self.out_size = in_size // 8
        self.batch_size = batch_size
        self.epoch = epoch
        self.epoch_size = epoch_size
        self.dataset = dataset
        self.stage = stage
        self.training = training
        self.joint_num = len(joints)
        self.log_dir = log_dir
        self.losses = []
        self.train_step = []
        self.var_dict = {}
        self.regularizers = None

    def build_ph(self):
        self.img = tf.placeholder(tf.float32, [None, self.in_size, self.in_size, 3], name='img_in')
        self.joint_weight = tf.placeholder(tf.float32, [None, self.joint_num + 1])
        self.joint_map_gt = tf.placeholder(
            tf.float32, [None, self.stage, self.out_size, self.out_size, self.joint_num + 1], name='gt')

    def net(self, image):
        with tf.variable_scope('CPM'):
            feat = image
            for i, filters in enumerate([64, 128, 256, 512]):
                feat = self._conv_bn_relu(feat, filters, 3, 1, 'SAME', 'conv%d' % (i + 1),
                                          regularizers=self.regularizers)
                if i < 3:
                    feat = tf.nn.max_pool(feat, [1, 2, 2, 1], [1, 2, 2, 1], 'SAME')
            stage_maps = []
            net = self._conv_bn(feat, self.joint_num + 1, 1, 1, 'SAME', 'conv5_2_CPM',
                                regularizers=self.regularizers)
            stage_maps.append(net)
            for s in range(2, self.stage + 1):
                net = tf.concat([net, feat], 3)
                for j in range(3):
                    net = self._conv_bn_relu(net, 128, 7, 1, 'SAME', 'Mconv%d_stage%d' % (j + 1, s),
                                             regularizers=self.regularizers)
                net = self._conv_bn(net, self.joint_num + 1, 1, 1, 'SAME', 'Mconv7_stage%d' % s,
                                    regularizers=self.regularizers)
                stage_maps.append(net)
            return tf.stack(stage_maps, axis=1)

    def build_train_op(self):
        with tf.name_scope('loss'):
            loss = tf.multiply(self.joint_weight,
                               tf.reduce_sum(tf.nn.l2_loss(self.joint_map - self.joint_map_gt)))
            self.norm = []
            for regularizer in self.regularizers:
                self.norm.append(regularizer())
            self.losses.append(loss)
            self.total_loss = tf.reduce_mean(self.losses) + tf.reduce_sum(self.norm)
            tf.summary.scalar('total loss', self.total_loss)
        with tf.name_scope('optimizer'):
            with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
                self.optimizer = tf.train.GradientDescentOptimizer(self.learning_rate)
                self.train_step.append(self.optimizer.minimize(self.total_loss / self.batch_size,
                                                               global_step=self.global_step))

    def BuildModel(self):
        tf.reset_default_graph()
        self.sess = tf.Session()
        if self.training:
            self.regularizers = [Regularizer.L2Regularizer(beta=1e-4)]
            self.global_step = tf.Variable(0, trainable=False)
            self.learning_rate = tf.train.exponential_decay(self.base_lr, self.global_step,
                                                            50 * self.epoch_size, 0.333, staircase=True)
        self.build_ph()
        self.joint_map = self.net(self.img)
        if self.training:
            self.build_train_op()
        self.sess.run(tf.global_variables_initializer())
        self.saver = tf.train.Saver()

    def train(self):
        for epoch in range(self.epoch):
            for _ in range(self.epoch_size):
                img, gt, weight = self.dataset.next_batch(self.batch_size)
                _, loss = self.sess.run([self.train_step, self.total_loss],
                                        feed_dict={self.img: img, self.joint_map_gt: gt,
                                                   self.joint_weight: weight})
            print('epoch %d loss %.4f' % (epoch, np.mean(loss)))
            self.saver.save(self.sess, 'model/CPM', global_step=self.global_step)
