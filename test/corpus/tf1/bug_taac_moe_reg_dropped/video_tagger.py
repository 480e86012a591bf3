# Idiom seen in: JacksonWuxs/taac2021-Video-Classification-Rank5 src/model/models/nextvlad_bert.py
# What it reproduces: the multi-modal tagging model: one video/text head per modality (from head modules the folder
#   does not hold), one MoE classifier per modality and for the fusion, and build_loss returning a dict of tagging losses.
import tensorflow as tf
import tensorflow.contrib.slim as slim

import video_head
import text_head
from moe_model import MoeModel


class VideoTagger(object):
    def __init__(self, model_config):
        self.modal_name_list = model_config['modal_name_list']
        self.head_dict = {}
        self.classifier_dict = {}
        for modal in self.modal_name_list + ['fusion']:
            self.classifier_dict[modal] = MoeModel(**model_config['tagging_classifier_params'])
            if modal == 'video':
                self.head_dict[modal] = video_head.NeXtVLAD(**model_config['video_head_params'])
            elif modal == 'text':
                self.head_dict[modal] = text_head.BertHead(**model_config['text_head_params'])

    def __call__(self, inputs_dict, is_training=False):
        prob_dict, embedding_list = {}, []
        for modal_name in self.modal_name_list:
            with tf.variable_scope(modal_name):
                embedding = self.head_dict[modal_name](inputs_dict[modal_name], is_training=is_training)
            with tf.variable_scope("tag_classifier/" + modal_name[0]):
                embedding = slim.batch_norm(embedding, is_training=is_training, scope=modal_name[0] + "_feat_bn")
                prob_dict['tagging_output_' + modal_name] = self.classifier_dict[modal_name](embedding)
            embedding_list.append(embedding)
        with tf.variable_scope("tag_classifier/fusion"):
            fusion_embedding = tf.concat(embedding_list, axis=1)
            prob_dict['tagging_output_fusion'] = self.classifier_dict['fusion'](fusion_embedding)
        return prob_dict

    def build_loss(self, inputs, results):
        loss_dict = {}
        labels = inputs['tagging']
        for modal in self.modal_name_list + ['fusion']:
            prediction = results["tagging_output_" + modal]["predictions"]
            loss_dict["tagging_loss_" + modal] = tf.reduce_mean(
                tf.keras.backend.binary_crossentropy(labels, prediction))
        return loss_dict
