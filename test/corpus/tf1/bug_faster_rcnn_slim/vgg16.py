# Idiom seen in: endernewton/tf-faster-rcnn lib/nets/vgg16.py
# What it reproduces: the subclass builds its layers with plain slim calls; the regularizer comes
#   from the arg_scope opened by Network.create_architecture().
import tensorflow as tf
import tensorflow.contrib.slim as slim

from network import Network


class vgg16(Network):
  def __init__(self):
    Network.__init__(self)
    self._scope = 'vgg_16'

  def _build_network(self, is_training=True):
    with tf.variable_scope(self._scope, self._scope):
      net = slim.repeat(self._image, 2, slim.conv2d, 64, [3, 3], trainable=False, scope='conv1')
      net = slim.max_pool2d(net, [2, 2], padding='SAME', scope='pool1')
      net = slim.repeat(net, 2, slim.conv2d, 128, [3, 3], scope='conv2')
      net = slim.max_pool2d(net, [2, 2], padding='SAME', scope='pool2')
      net = slim.repeat(net, 3, slim.conv2d, 256, [3, 3], scope='conv3')
      rpn = slim.conv2d(net, 512, [3, 3], scope='rpn_conv/3x3')
      rpn_cls_score = slim.conv2d(rpn, 2, [1, 1], padding='VALID', activation_fn=None,
                                  scope='rpn_cls_score')
      rpn_bbox_pred = slim.conv2d(rpn, 4, [1, 1], padding='VALID', activation_fn=None,
                                  scope='rpn_bbox_pred')
      pool5 = tf.image.resize_images(net, [7, 7])
      fc6 = slim.fully_connected(slim.flatten(pool5), 4096, scope='fc6')
      fc6 = slim.dropout(fc6, keep_prob=0.5, is_training=is_training, scope='dropout6')
      fc7 = slim.fully_connected(fc6, 4096, scope='fc7')
      cls_score = slim.fully_connected(fc7, self._num_classes, activation_fn=None,
                                       scope='cls_score')
      bbox_pred = slim.fully_connected(fc7, self._num_classes * 4, activation_fn=None,
                                       scope='bbox_pred')

    self._predictions['rpn_cls_score'] = tf.reshape(rpn_cls_score, [-1, 2])
    self._predictions['rpn_bbox_pred'] = tf.reshape(rpn_bbox_pred, [-1, 4])
    self._predictions['cls_score'] = cls_score
    self._predictions['bbox_pred'] = bbox_pred
    return cls_score, bbox_pred
