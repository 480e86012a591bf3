# Idiom seen in: DetectionTeamUCAS/FPN_Tensorflow tools/train.py
# What it reproduces: the detection network whose slim layers pick up weights_regularizer from the
#   arg_scope the training script opens around build_whole_detection_network(); clean program.
import tensorflow as tf
import tf_slim as slim

import cfgs


class DetectionNetwork(object):

    def __init__(self, base_network_name, is_training):
        self.base_network_name = base_network_name
        self.is_training = is_training

    def build_base_network(self, input_img_batch):
        net = input_img_batch
        feature_maps = {}
        for i, depth in enumerate([64, 128, 256, 512, 1024]):
            net = slim.conv2d(net, depth, [3, 3], stride=2, scope='C%d' % (i + 1))
            feature_maps['C%d' % (i + 1)] = net
        return feature_maps

    def build_fpn(self, feature_maps):
        pyramid = {}
        top = slim.conv2d(feature_maps['C5'], 256, [1, 1], scope='build_P5')
        pyramid['P5'] = top
        for level in [4, 3, 2]:
            lateral = slim.conv2d(feature_maps['C%d' % level], 256, [1, 1], scope='build_P%d/reduce' % level)
            up = tf.image.resize(top, tf.shape(lateral)[1:3], method='nearest')
            top = slim.conv2d(lateral + up, 256, [3, 3], scope='build_P%d/fuse' % level)
            pyramid['P%d' % level] = top
        return pyramid

    def rpn_head(self, pyramid):
        scores, deltas = [], []
        for level in ['P2', 'P3', 'P4', 'P5']:
            x = slim.conv2d(pyramid[level], 256, [3, 3], scope='rpn_conv/%s' % level)
            scores.append(tf.reshape(slim.conv2d(x, 6, [1, 1], activation_fn=None, scope='rpn_cls/%s' % level), [-1, 2]))
            deltas.append(tf.reshape(slim.conv2d(x, 12, [1, 1], activation_fn=None, scope='rpn_reg/%s' % level), [-1, 4]))
        return tf.concat(scores, 0), tf.concat(deltas, 0)

    def build_whole_detection_network(self, input_img_batch, gtboxes_batch):
        feature_maps = self.build_base_network(input_img_batch)
        pyramid = self.build_fpn(feature_maps)
        rpn_scores, rpn_deltas = self.rpn_head(pyramid)

        rois = tf.reduce_mean(pyramid['P2'], axis=[1, 2])
        fc = slim.fully_connected(rois, 1024, scope='fc6')
        fc = slim.fully_connected(fc, 1024, scope='fc7')
        cls_score = slim.fully_connected(fc, cfgs.CLASS_NUM + 1, activation_fn=None, scope='cls_fc')
        bbox_pred = slim.fully_connected(fc, 4 * (cfgs.CLASS_NUM + 1), activation_fn=None, scope='reg_fc')

        labels = tf.cast(gtboxes_batch[:1, -1], tf.int32)
        loss_dict = {
            'rpn_cls_loss': tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
                logits=rpn_scores, labels=tf.zeros(tf.shape(rpn_scores)[:1], tf.int32))),
            'rpn_loc_loss': tf.reduce_mean(tf.abs(rpn_deltas)),
            'fastrcnn_cls_loss': tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
                logits=cls_score, labels=labels)),
            'fastrcnn_loc_loss': tf.reduce_mean(tf.abs(bbox_pred)),
        }
        final_scores = tf.nn.softmax(cls_score)
        return bbox_pred, final_scores, tf.argmax(final_scores, axis=1), loss_dict

    def get_gradients(self, optimizer, loss):
        return optimizer.compute_gradients(loss)

    def enlarge_gradients_for_bias(self, gradients):
        final_gradients = []
        with tf.compat.v1.variable_scope("Gradient_Mult"):
            for grad, var in gradients:
                scale = 1.0
                if cfgs.MUTILPY_BIAS_GRADIENT and './biases' in var.name:
                    scale = scale * cfgs.MUTILPY_BIAS_GRADIENT
                if not scale == 1.0:
                    grad = tf.multiply(grad, scale)
                final_gradients.append((grad, var))
        return final_gradients
