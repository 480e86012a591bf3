# Idiom seen in: eragonruan/text-detection-ctpn lib/networks/network.py
# Idiom seen in: eragonruan/text-detection-ctpn lib/fast_rcnn/train.py
# What it reproduces: make_var(..., regularizer=l2) fills REGULARIZATION_LOSSES and build_loss() returns
# (total_loss, model_loss, ...) with total_loss = add_n(regularization) + model_loss; the solver (a user
# mistake in the repo's idiom; the repo differentiates total_loss) clips tf.gradients(model_loss): the sum is never trained.
from __future__ import print_function
import os

import tensorflow as tf

from config import cfg
from roi_data_layer.layer import RoIDataLayer
from vggnet_train import VGGnet_train


class SolverWrapper(object):
    def __init__(self, sess, network, roidb, output_dir, logdir):
        self.net = network
        self.roidb = roidb
        self.output_dir = output_dir
        self.saver = tf.train.Saver(max_to_keep=100)
        self.writer = tf.summary.FileWriter(logdir=logdir,
                                            graph=tf.get_default_graph(),
                                            flush_secs=5)

    def train_model(self, sess, max_iters):
        data_layer = RoIDataLayer(self.roidb, 2)
        total_loss, model_loss, rpn_cross_entropy, rpn_loss_box = \
            self.net.build_loss(ohem=cfg.TRAIN.OHEM)
        tf.summary.scalar('rpn_reg_loss', rpn_loss_box)
        tf.summary.scalar('rpn_cls_loss', rpn_cross_entropy)
        tf.summary.scalar('model_loss', model_loss)
        tf.summary.scalar('total_loss', total_loss)
        summary_op = tf.summary.merge_all()

        lr = tf.Variable(cfg.TRAIN.LEARNING_RATE, trainable=False)
        if cfg.TRAIN.SOLVER == 'Adam':
            opt = tf.train.AdamOptimizer(cfg.TRAIN.LEARNING_RATE)
        elif cfg.TRAIN.SOLVER == 'RMS':
            opt = tf.train.RMSPropOptimizer(cfg.TRAIN.LEARNING_RATE)
        else:
            opt = tf.train.MomentumOptimizer(lr, cfg.TRAIN.MOMENTUM)

        global_step = tf.Variable(0, trainable=False)
        # clip only the detection loss; its norm is what explodes on long text lines
        tvars = tf.trainable_variables()
        grads, norm = tf.clip_by_global_norm(tf.gradients(model_loss, tvars), 10.0)
        train_op = opt.apply_gradients(list(zip(grads, tvars)), global_step=global_step)

        sess.run(tf.global_variables_initializer())
        for it in range(max_iters):
            blobs = data_layer.forward()
            feed_dict = {
                self.net.data: blobs['data'],
                self.net.im_info: blobs['im_info'],
                self.net.keep_prob: 0.5,
                self.net.gt_boxes: blobs['gt_boxes'],
            }
            total_loss_val, model_loss_val, summary_str, _ = sess.run(
                [total_loss, model_loss, summary_op, train_op],
                feed_dict=feed_dict)
            self.writer.add_summary(summary=summary_str, global_step=it)
            if it % cfg.TRAIN.DISPLAY == 0:
                print('iter: %d / %d, total loss: %.4f, model loss: %.4f'
                      % (it, max_iters, total_loss_val, model_loss_val))
            if (it + 1) % cfg.TRAIN.SNAPSHOT_ITERS == 0:
                self.saver.save(sess, os.path.join(self.output_dir, 'ctpn_%d.ckpt' % (it + 1)))


def train_net(network, roidb, output_dir, log_dir, max_iters=40000):
    config = tf.ConfigProto(allow_soft_placement=True)
    config.gpu_options.allow_growth = True
    with tf.Session(config=config) as sess:
        sw = SolverWrapper(sess, network, roidb, output_dir, logdir=log_dir)
        print('Solving...')
        sw.train_model(sess, max_iters)
        print('done solving')


if __name__ == '__main__':
    from datasets.factory import get_imdb
    from roi_data_layer.roidb import get_training_roidb
    imdb = get_imdb('voc_2007_trainval')
    roidb = get_training_roidb(imdb)
    train_net(VGGnet_train(), roidb, output_dir='output/ctpn', log_dir='logs/ctpn')
