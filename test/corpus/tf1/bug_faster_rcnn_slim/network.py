# Idiom seen in: endernewton/tf-faster-rcnn lib/nets/network.py (before the fix for issue #217)
# What it reproduces: the base network sets weights_regularizer in a slim arg_scope around the
#   subclass's build, but _add_losses() sums only the four detection losses, so the
#   REGULARIZATION_LOSSES are never added to the loss the solver minimizes.
# label-note: WD102 on the arg_scope's weights_regularizer= line (the regularizer object is created
#   on the line above and reaches the layers of vgg16.py through the arg_scope).
import tensorflow as tf
import tensorflow.contrib.slim as slim
from tensorflow.contrib.slim import arg_scope

from config import cfg


class Network(object):
  def __init__(self):
    self._predictions = {}
    self._losses = {}
    self._event_summaries = {}

  def _build_network(self, is_training=True):
    raise NotImplementedError

  def _smooth_l1_loss(self, bbox_pred, bbox_targets, sigma=1.0):
    sigma_2 = sigma ** 2
    diff = tf.abs(bbox_pred - bbox_targets)
    sign = tf.stop_gradient(tf.to_float(tf.less(diff, 1. / sigma_2)))
    loss = tf.pow(diff, 2) * (sigma_2 / 2.) * sign + (diff - 0.5 / sigma_2) * (1. - sign)
    return tf.reduce_mean(tf.reduce_sum(loss, axis=1))

  def _add_losses(self, sigma_rpn=3.0):
    with tf.variable_scope('loss_' + self._tag):
      rpn_cross_entropy = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
          logits=self._predictions['rpn_cls_score'], labels=self._rpn_labels))
      rpn_loss_box = self._smooth_l1_loss(self._predictions['rpn_bbox_pred'],
                                          self._rpn_bbox_targets, sigma=sigma_rpn)
      cross_entropy = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
          logits=self._predictions['cls_score'], labels=self._labels))
      loss_box = self._smooth_l1_loss(self._predictions['bbox_pred'], self._bbox_targets)

      self._losses['cross_entropy'] = cross_entropy
      self._losses['loss_box'] = loss_box
      self._losses['rpn_cross_entropy'] = rpn_cross_entropy
      self._losses['rpn_loss_box'] = rpn_loss_box

      loss = cross_entropy + loss_box + rpn_cross_entropy + rpn_loss_box
      self._losses['total_loss'] = loss
      self._event_summaries.update(self._losses)
    return loss

  def create_architecture(self, mode, num_classes, tag=None):
    self._image = tf.placeholder(tf.float32, shape=[1, None, None, 3])
    self._rpn_labels = tf.placeholder(tf.int32, shape=[None])
    self._rpn_bbox_targets = tf.placeholder(tf.float32, shape=[None, 4])
    self._labels = tf.placeholder(tf.int32, shape=[None])
    self._bbox_targets = tf.placeholder(tf.float32, shape=[None, 4 * num_classes])
    self._tag = tag
    self._num_classes = num_classes
    training = mode == 'TRAIN'

    weights_regularizer = tf.contrib.layers.l2_regularizer(cfg.TRAIN.WEIGHT_DECAY)
    with arg_scope([slim.conv2d, slim.fully_connected],
                   weights_regularizer=weights_regularizer,  # expect: WD102
                   biases_initializer=tf.constant_initializer(0.0)):
      self._build_network(training)

    layers_to_output = dict(self._predictions)
    if training:
      self._add_losses()
      layers_to_output.update(self._losses)
    for key, var in self._event_summaries.items():
      tf.summary.scalar(key, var)
    return layers_to_output
