# Idiom seen in: CharlesShang/TFFRCNN lib/fast_rcnn/train.py (SolverWrapper holding the net, solver chosen by cfg.TRAIN.SOLVER)
# What it reproduces: a Solver class that holds the network and minimizes the loss returned by net.build_loss(),
#   which already contains the summed REGULARIZATION_LOSSES; clipped tf.gradients or plain minimize. Clean.
import argparse
import os

import tensorflow as tf

from fast_rcnn.config import cfg, cfg_from_file
from roi_data_layer.layer import RoIDataLayer
from network import VGGnetTrain


class SolverWrapper(object):
    """Holds the network and the training loop, like the Caffe solver it replaces."""

    def __init__(self, sess, network, roidb, output_dir, pretrained_model=None):
        self.net = network
        self.roidb = roidb
        self.output_dir = output_dir
        self.pretrained_model = pretrained_model
        self.saver = tf.train.Saver(max_to_keep=100)

    def snapshot(self, sess, step):
        if not os.path.exists(self.output_dir):
            os.makedirs(self.output_dir)
        filename = os.path.join(self.output_dir, 'vgg16_faster_rcnn_iter_{:d}.ckpt'.format(step + 1))
        self.saver.save(sess, filename)

    def train_model(self, sess, max_iters):
        data_layer = RoIDataLayer(self.roidb, self.net.num_classes)
        loss, cross_entropy, loss_box = self.net.build_loss()
        tf.summary.scalar('cls_loss', cross_entropy)
        tf.summary.scalar('rgs_loss', loss_box)
        tf.summary.scalar('loss', loss)
        summary_op = tf.summary.merge_all()

        global_step = tf.Variable(0, trainable=False)
        if cfg.TRAIN.SOLVER == 'Adam':
            opt = tf.train.AdamOptimizer(cfg.TRAIN.LEARNING_RATE)
            lr = tf.constant(cfg.TRAIN.LEARNING_RATE)
        elif cfg.TRAIN.SOLVER == 'RMS':
            opt = tf.train.RMSPropOptimizer(cfg.TRAIN.LEARNING_RATE)
            lr = tf.constant(cfg.TRAIN.LEARNING_RATE)
        else:
            lr = tf.train.exponential_decay(cfg.TRAIN.LEARNING_RATE, global_step,
                                            cfg.TRAIN.STEPSIZE, 0.1, staircase=True)
            opt = tf.train.MomentumOptimizer(lr, cfg.TRAIN.MOMENTUM)

        with_clip = True
        if with_clip:
            tvars = tf.trainable_variables()
            grads, norm = tf.clip_by_global_norm(tf.gradients(loss, tvars), 10.0)
            train_op = opt.apply_gradients(list(zip(grads, tvars)), global_step=global_step)
        else:
            train_op = opt.minimize(loss, global_step=global_step)

        sess.run(tf.global_variables_initializer())
        if self.pretrained_model is not None:
            self.saver.restore(sess, self.pretrained_model)

        for it in range(max_iters):
            blobs = data_layer.forward()
            feed_dict = {self.net.data: blobs['data'], self.net.gt_labels: blobs['labels'],
                         self.net.gt_targets: blobs['bbox_targets']}
            loss_value, _, _ = sess.run([loss, summary_op, train_op], feed_dict=feed_dict)
            if (it + 1) % cfg.TRAIN.DISPLAY == 0:
                print('iter: %d / %d, total loss: %.4f, lr: %f' % (it + 1, max_iters, loss_value, lr.eval()))
            if (it + 1) % cfg.TRAIN.SNAPSHOT_ITERS == 0:
                self.snapshot(sess, it)


def train_net(network, roidb, output_dir, pretrained_model=None, max_iters=70000):
    config = tf.ConfigProto(allow_soft_placement=True)
    config.gpu_options.allow_growth = True
    with tf.Session(config=config) as sess:
        sw = SolverWrapper(sess, network, roidb, output_dir, pretrained_model=pretrained_model)
        sw.train_model(sess, max_iters)


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description='Train a Faster R-CNN network')
    parser.add_argument('--cfg', dest='cfg_file', default=None, type=str)
    parser.add_argument('--weights', dest='pretrained_model', default=None, type=str)
    parser.add_argument('--iters', dest='max_iters', default=70000, type=int)
    parser.add_argument('--imdb', dest='imdb_name', default='voc_2007_trainval', type=str)
    args = parser.parse_args()
    if args.cfg_file is not None:
        cfg_from_file(args.cfg_file)

    from datasets.factory import get_imdb
    imdb = get_imdb(args.imdb_name)
    net = VGGnetTrain(num_classes=imdb.num_classes)
    train_net(net, imdb.roidb, os.path.join('output', args.imdb_name),
              pretrained_model=args.pretrained_model, max_iters=args.max_iters)
