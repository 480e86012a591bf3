# Idiom seen in: LeslieZhoa/hourglass_tensorflow_demo hourglass.py
# What it reproduces: a slim stacked-hourglass pose network; the residual blocks' arg_scope sets
#   weights_regularizer=slim.l2_regularizer(weight_decay) and build_loss adds
#   tf.losses.get_regularization_loss() to the summed stage heatmap losses before
#   slim.learning.create_train_op. Clean (the repository had no decay; this is the correct way to add it).
import os
import time

import tensorflow as tf

from data_gen import HeatmapGenerator  # LSP/MPII heatmap generator, not in this file

slim = tf.contrib.slim


def conv_block(inputs, num_out, is_training, weight_decay, scope=''):
    with slim.arg_scope([slim.conv2d], padding='SAME', activation_fn=tf.nn.relu,
                        weights_initializer=tf.contrib.layers.xavier_initializer(),
                        weights_regularizer=slim.l2_regularizer(weight_decay),
                        normalizer_fn=slim.batch_norm,
                        normalizer_params={'is_training': is_training, 'decay': 0.95}):
        net = slim.conv2d(inputs, num_out // 2, kernel_size=[1, 1], scope=scope + 'cb1')
        net = slim.conv2d(net, num_out // 2, kernel_size=[3, 3], scope=scope + 'cb2')
        return slim.conv2d(net, num_out, kernel_size=[1, 1], scope=scope + 'cb3')


def residual(inputs, num_out, is_training, weight_decay, scope=''):
    convb = conv_block(inputs, num_out, is_training, weight_decay, scope)
    if inputs.shape[-1] == num_out:
        skip = inputs
    else:
        skip = slim.conv2d(inputs, num_out, kernel_size=[1, 1], activation_fn=None,
                           weights_regularizer=slim.l2_regularizer(weight_decay), scope=scope + 'sk')
    return tf.add_n([convb, skip], name=scope + 're')


def hourglass(inputs, n, num_out, is_training, weight_decay, name='hourglass'):
    with tf.name_scope(name):
        up_1 = residual(inputs, num_out, is_training, weight_decay, scope=str(n) + 'up_1')
        low_ = tf.contrib.layers.max_pool2d(inputs, [2, 2], [2, 2], padding='VALID')
        low_1 = residual(low_, num_out, is_training, weight_decay, scope=str(n) + 'low_1')
        if n > 0:
            low_2 = hourglass(low_1, n - 1, num_out, is_training, weight_decay, name=name + str(n))
        else:
            low_2 = residual(low_1, num_out, is_training, weight_decay, scope=str(n) + 'low_2')
        low_3 = residual(low_2, num_out, is_training, weight_decay, scope=str(n) + 'low_3')
        up_2 = tf.image.resize_nearest_neighbor(low_3, tf.shape(low_3)[1:3] * 2, name='upsampling')
        return tf.add_n([up_2, up_1], name='out_hg')


class HourglassModel(object):
    def __init__(self, stages=4, joints=14, batch_size=16, weight_decay=1e-4):
        self.stages = stages
        self.joints = joints
        self.batch_size = batch_size
        self.weight_decay = weight_decay
        self.stage_loss = [0] * stages

    def build_model(self, images, is_training):
        wd = self.weight_decay
        with tf.variable_scope('hourglass_net'):
            net = slim.conv2d(images, 64, [7, 7], stride=2, weights_regularizer=slim.l2_regularizer(wd),
                              scope='conv1')
            net = residual(net, 128, is_training, wd, scope='r1')
            net = tf.contrib.layers.max_pool2d(net, [2, 2], [2, 2])
            inter = residual(net, 256, is_training, wd, scope='r3')
            out = []
            for i in range(self.stages):
                with tf.variable_scope('stage%d' % (i + 1)):
                    hg = hourglass(inter, 4, 256, is_training, wd)
                    l1 = residual(hg, 256, is_training, wd, scope='l1')
                    heatmap = slim.conv2d(l1, self.joints, kernel_size=[1, 1], activation_fn=None,
                                          weights_regularizer=slim.l2_regularizer(wd), scope='l3')
                    out.append(heatmap)
                    if i < self.stages - 1:
                        l1_ = slim.conv2d(l1, 256, [1, 1], activation_fn=None, scope='l4')
                        tmp_ = slim.conv2d(heatmap, 256, [1, 1], activation_fn=None, scope='l5')
                        inter = tf.add_n([inter, l1_, tmp_])
        self.stage_heatmap = out

    def build_loss(self, gt_heatmap, lr, lr_decay_rate, lr_decay_step):
        self.total_loss = 0
        for stage in range(self.stages):
            with tf.variable_scope('stage%d_loss' % (stage + 1)):
                self.stage_loss[stage] = tf.nn.l2_loss(self.stage_heatmap[stage] - gt_heatmap,
                                                       name='l2_loss') / self.batch_size
            tf.summary.scalar('stage%d_loss' % (stage + 1), self.stage_loss[stage])
        with tf.variable_scope('total_loss'):
            for stage in range(self.stages):
                self.total_loss += self.stage_loss[stage]
            self.total_loss += tf.losses.get_regularization_loss()
            tf.summary.scalar('total_loss', self.total_loss)
        with tf.variable_scope('train'):
            self.global_step = tf.train.get_or_create_global_step()
            self.cur_lr = tf.train.exponential_decay(lr, global_step=self.global_step,
                                                     decay_rate=lr_decay_rate, decay_steps=lr_decay_step)
            optimizer = tf.train.RMSPropOptimizer(learning_rate=self.cur_lr)
            self.train_step = slim.learning.create_train_op(self.total_loss, optimizer,
                                                            global_step=self.global_step)
        self.merged_summary = tf.summary.merge_all()


if __name__ == '__main__':
    images = tf.placeholder(tf.float32, [16, 256, 256, 3])
    gt = tf.placeholder(tf.float32, [16, 64, 64, 14])
    model = HourglassModel(stages=4, joints=14, batch_size=16, weight_decay=1e-4)
    model.build_model(images, is_training=True)
    model.build_loss(gt, lr=2.5e-4, lr_decay_rate=0.96, lr_decay_step=2000)
    gen = HeatmapGenerator('./lsp_dataset', batch_size=16)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        saver = tf.train.Saver(max_to_keep=5)
        for step in range(300000):
            t0 = time.time()
            batch_x, batch_y = gen.next()
            loss, _ = sess.run([model.total_loss, model.train_step], feed_dict={images: batch_x, gt: batch_y})
            if step % 100 == 0:
                print('step %d loss %.2f (%.2fs)' % (step, loss, time.time() - t0))
                saver.save(sess, os.path.join('./model', 'hourglass'), global_step=step)
