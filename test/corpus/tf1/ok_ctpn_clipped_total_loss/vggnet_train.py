# Idiom seen in: eragonruan/text-detection-ctpn lib/networks/network.py
# Idiom seen in: eragonruan/text-detection-ctpn lib/fast_rcnn/train.py
# What it reproduces: make_var(..., regularizer=l2) fills REGULARIZATION_LOSSES, build_loss() returns
# total_loss = add_n(regularization) + model_loss first, and the solver clips tf.gradients(total_loss)
# as the repo does (clean).
import tensorflow as tf
from network import Network
from config import cfg


class VGGnet_train(Network):
    def __init__(self, trainable=True):
        self.data = tf.placeholder(tf.float32, shape=[None, None, None, 3], name='data')
        self.im_info = tf.placeholder(tf.float32, shape=[None, 3], name='im_info')
        self.gt_boxes = tf.placeholder(tf.float32, shape=[None, 5], name='gt_boxes')
        self.keep_prob = tf.placeholder(tf.float32)
        super(VGGnet_train, self).__init__(
            {'data': self.data, 'im_info': self.im_info, 'gt_boxes': self.gt_boxes},
            trainable=trainable)

    def setup(self):
        anchor_scales = cfg.ANCHOR_SCALES
        (self.feed('data')
             .conv(3, 3, 64, 1, 1, name='conv1_1')
             .conv(3, 3, 64, 1, 1, name='conv1_2')
             .conv(3, 3, 128, 2, 2, name='conv2_1')
             .conv(3, 3, 256, 2, 2, name='conv3_1')
             .conv(3, 3, 512, 2, 2, name='conv4_1')
             .conv(3, 3, 512, 2, 2, name='conv5_3'))
        (self.feed('conv5_3').conv(3, 3, 512, 1, 1, name='rpn_conv/3x3'))
        (self.feed('rpn_conv/3x3')
             .lstm_fc(512, len(anchor_scales) * 10 * 4, name='rpn_bbox_pred'))
        (self.feed('rpn_conv/3x3')
             .lstm_fc(512, len(anchor_scales) * 10 * 2, name='rpn_cls_score'))
        self.layers['rpn-data'] = anchor_target_layer(
            self.get_output('rpn_cls_score'), self.gt_boxes, self.im_info,
            anchor_scales)


def anchor_target_layer(rpn_cls_score, gt_boxes, im_info, anchor_scales):
    from rpn_msr.anchor_target_layer_tf import anchor_target_layer as atl_py
    with tf.variable_scope('anchor_target'):
        labels, targets, inside_w, outside_w = tf.py_func(
            atl_py, [rpn_cls_score, gt_boxes, im_info, anchor_scales],
            [tf.float32, tf.float32, tf.float32, tf.float32])
        labels = tf.convert_to_tensor(tf.cast(labels, tf.int32), name='rpn_labels')
        return labels, targets, inside_w, outside_w
