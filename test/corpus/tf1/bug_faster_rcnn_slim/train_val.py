# Idiom seen in: endernewton/tf-faster-rcnn lib/model/train_val.py
# What it reproduces: the solver takes layers['total_loss'] from the network, uses
#   MomentumOptimizer.compute_gradients, doubles the bias gradients and applies them.
import argparse

import tensorflow as tf

from config import cfg
from roi_data_layer.layer import RoIDataLayer  # data layer, not part of this program
from vgg16 import vgg16


class SolverWrapper(object):
  def __init__(self, network, roidb, num_classes, output_dir):
    self.net = network
    self.data_layer = RoIDataLayer(roidb, num_classes)
    self.num_classes = num_classes
    self.output_dir = output_dir

  def construct_graph(self):
    layers = self.net.create_architecture('TRAIN', self.num_classes, tag='default')
    loss = layers['total_loss']
    lr = tf.Variable(cfg.TRAIN.LEARNING_RATE, trainable=False)
    self.optimizer = tf.train.MomentumOptimizer(lr, cfg.TRAIN.MOMENTUM)

    gvs = self.optimizer.compute_gradients(loss)
    if cfg.TRAIN.DOUBLE_BIAS:
      final_gvs = []
      with tf.variable_scope('Gradient_Mult'):
        for grad, var in gvs:
          scale = 2. if '/biases:' in var.name else 1.
          if grad is not None and scale != 1.:
            grad = tf.multiply(grad, scale)
          final_gvs.append((grad, var))
      train_op = self.optimizer.apply_gradients(final_gvs)
    else:
      train_op = self.optimizer.apply_gradients(gvs)
    return lr, train_op, loss

  def train_model(self, sess, max_iters):
    lr, train_op, loss = self.construct_graph()
    sess.run(tf.global_variables_initializer())
    for it in range(max_iters):
      blobs = self.data_layer.forward()
      feed = {self.net._image: blobs['data'], self.net._labels: blobs['labels'],
              self.net._rpn_labels: blobs['rpn_labels'],
              self.net._rpn_bbox_targets: blobs['rpn_bbox_targets'],
              self.net._bbox_targets: blobs['bbox_targets']}
      total, _ = sess.run([loss, train_op], feed_dict=feed)
      if it % 20 == 0:
        print('iter %d, total loss %.4f' % (it, total))


if __name__ == '__main__':
  parser = argparse.ArgumentParser()
  parser.add_argument('--iters', type=int, default=70000)
  parser.add_argument('--classes', type=int, default=21)
  args = parser.parse_args()
  with tf.Session() as sess:
    sw = SolverWrapper(vgg16(), roidb=None, num_classes=args.classes, output_dir='output')
    sw.train_model(sess, args.iters)
