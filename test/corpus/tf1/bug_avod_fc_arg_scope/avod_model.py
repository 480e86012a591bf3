# Idiom seen in: kujason/avod avod/core/models/avod_model.py
# What it reproduces: the model's loss() returns a hand-built total (rpn + avod) that leaves out
#   the slim regularization losses of the feature extractor and the fc head (real bug).
import tensorflow as tf

import fc_layers
from img_vgg import ImgVgg


class AvodModel(object):

    def __init__(self, model_config, is_training=True):
        self._config = model_config
        self._is_training = is_training
        self._img_feature_extractor = ImgVgg(model_config['img_vgg'])
        self.placeholders = {}

    def build(self, image_input, rois, roi_weights, rpn_outputs):
        img_features = self._img_feature_extractor.build(
            image_input, tf.constant([360., 1200.]), self._is_training)
        crops = tf.image.crop_and_resize(img_features, rois['boxes'], rois['box_idx'], [7, 7])
        head = fc_layers.build(self._config['fc_layers'], [crops], roi_weights,
                               num_final_classes=1, is_training=self._is_training)
        prediction_dict = dict(rpn_outputs)
        prediction_dict['avod_cls'] = head['cls']
        prediction_dict['avod_off'] = head['off']
        prediction_dict['avod_ang'] = head['ang']
        return prediction_dict

    def loss(self, prediction_dict, labels):
        with tf.variable_scope('rpn_losses'):
            rpn_loss = (tf.losses.softmax_cross_entropy(labels['rpn_obj'], prediction_dict['rpn_obj'])
                        + tf.losses.huber_loss(labels['rpn_off'], prediction_dict['rpn_off']))
        with tf.variable_scope('avod_losses'):
            cls_loss = tf.losses.softmax_cross_entropy(labels['cls'], prediction_dict['avod_cls'])
            off_loss = tf.losses.huber_loss(labels['off'], prediction_dict['avod_off']) * 5.0
            ang_loss = tf.losses.huber_loss(labels['ang'], prediction_dict['avod_ang'])
            avod_loss = cls_loss + off_loss + ang_loss
        loss_dict = {'rpn': rpn_loss, 'avod_cls': cls_loss,
                     'avod_off': off_loss, 'avod_ang': ang_loss}
        with tf.variable_scope('model_total_loss'):
            total_loss = rpn_loss + avod_loss
        return loss_dict, total_loss
