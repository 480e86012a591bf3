# Idiom seen in: tinghuiz/SfMLearner SfMLearner.py (build_train_graph, train)
# What it reproduces: the learner class: batches from a DataLoader module that is not in this folder,
#   depth and pose networks from nets.py, a multi-scale loss summed by hand as
#   pixel_loss + smooth_loss + exp_loss, and slim.learning.create_train_op(total_loss, Adam).
#   Nothing here calls get_total_loss()/get_regularization_loss(), so the networks' l2 terms stay unused.
from __future__ import division

import tensorflow as tf
import tensorflow.contrib.slim as slim

from data_loader import DataLoader
from nets import disp_net, pose_exp_net
from utils import projective_inverse_warp


class SfMLearner(object):
    def build_train_graph(self):
        opt = self.opt
        loader = DataLoader(opt.dataset_dir, opt.batch_size, opt.img_height, opt.img_width, opt.num_source, 3)
        with tf.name_scope('data_loading'):
            tgt_image, src_image_stack, intrinsics = loader.load_train_batch()
            tgt_image = tf.image.convert_image_dtype(tgt_image, dtype=tf.float32) * 2. - 1.
            src_image_stack = tf.image.convert_image_dtype(src_image_stack, dtype=tf.float32) * 2. - 1.
        with tf.name_scope('depth_prediction'):
            pred_depth = [1. / d for d in disp_net(tgt_image, is_training=True)]
        with tf.name_scope('pose_and_explainability_prediction'):
            pred_poses, pred_exp_logits = pose_exp_net(tgt_image, src_image_stack, is_training=True)
        with tf.name_scope('compute_loss'):
            pixel_loss, exp_loss, smooth_loss = 0, 0, 0
            for s in range(len(pred_exp_logits)):
                size = tf.shape(pred_exp_logits[s])[1:3]
                curr_tgt = tf.image.resize_area(tgt_image, size)
                curr_src = tf.image.resize_area(src_image_stack, size)
                smooth_loss += opt.smooth_weight / (2 ** s) * self.smooth(pred_depth[s])
                for i in range(opt.num_source):
                    warped = projective_inverse_warp(curr_src[:, :, :, 3 * i:3 * (i + 1)],
                                                     tf.squeeze(tf.image.resize_area(pred_depth[s], size), axis=3),
                                                     pred_poses[:, i, :], intrinsics[:, s, :, :])
                    exp_mask = tf.expand_dims(tf.nn.softmax(pred_exp_logits[s][:, :, :, 2 * i:2 * (i + 1)])[:, :, :, 1], -1)
                    pixel_loss += tf.reduce_mean(exp_mask * tf.abs(warped - curr_tgt))
                    exp_loss += opt.explain_reg_weight * tf.reduce_mean(-tf.log(exp_mask + 1e-8))
            total_loss = pixel_loss + smooth_loss + exp_loss
        with tf.name_scope('train_op'):
            optim = tf.train.AdamOptimizer(opt.learning_rate, opt.beta1)
            self.train_op = slim.learning.create_train_op(total_loss, optim)
            self.global_step = tf.Variable(0, name='global_step', trainable=False)
            self.incr_global_step = tf.assign(self.global_step, self.global_step + 1)
        self.total_loss, self.pixel_loss = total_loss, pixel_loss

    def smooth(self, depth):
        dy = depth[:, 1:, :, :] - depth[:, :-1, :, :]
        dx = depth[:, :, 1:, :] - depth[:, :, :-1, :]
        return tf.reduce_mean(tf.abs(dx)) + tf.reduce_mean(tf.abs(dy))

    def train(self, opt):
        self.opt = opt
        self.build_train_graph()
        tf.summary.scalar('total_loss', self.total_loss)
        saver = tf.train.Saver([var for var in tf.model_variables()] + [self.global_step], max_to_keep=10)
        sv = tf.train.Supervisor(logdir=opt.checkpoint_dir, save_summaries_secs=0, saver=None)
        with sv.managed_session() as sess:
            for step in range(1, opt.max_steps + 1):
                results = sess.run({'train': self.train_op, 'gs': self.incr_global_step, 'loss': self.total_loss})
                if step % opt.save_latest_freq == 0:
                    saver.save(sess, opt.checkpoint_dir + '/model.latest')
