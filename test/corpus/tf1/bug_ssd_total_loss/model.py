# Idiom seen in: TropComplique/single-shot-detector model.py
# What it reproduces: Estimator model_fn whose add_weight_decay() puts wd * l2_loss(kernel) into
#   REGULARIZATION_LOSSES; the repo trains on get_total_loss(add_regularization_losses=True). Realistic mistake
#   here: the flag is switched off because the regularization is "already logged", so its sum is only a summary.
import re

import tensorflow as tf

from src import SSD, AnchorGenerator, FeatureExtractor
from src.backbones import mobilenet_v2_base
from evaluation_utils import Evaluator


def model_fn(features, labels, mode, params, config):
    """SSD graph in the format tf.estimator expects."""

    def backbone(images, is_training):
        return mobilenet_v2_base(images, is_training, depth_multiplier=params['depth_multiplier'])

    anchor_generator = AnchorGenerator(
        min_scale=params['min_scale'], max_scale=params['max_scale'],
        aspect_ratios=params['aspect_ratios'],
        reduce_boxes_in_lowest_layer=params['reduce_boxes_in_lowest_layer'])

    is_training = mode == tf.estimator.ModeKeys.TRAIN
    feature_extractor = FeatureExtractor(backbone, is_training)
    ssd = SSD(features['images'], feature_extractor, anchor_generator, params['num_classes'])

    if is_training and params['pretrained_checkpoint'] is not None:
        tf.train.init_from_checkpoint(params['pretrained_checkpoint'], {'MobilenetV2/': 'MobilenetV2/'})

    if not is_training:
        predictions = ssd.get_predictions(
            score_threshold=params['score_threshold'],
            iou_threshold=params['iou_threshold'],
            max_boxes_per_class=params['max_boxes_per_class'])

    if mode == tf.estimator.ModeKeys.PREDICT:
        export_outputs = tf.estimator.export.PredictOutput(
            {name: tf.identity(t, name) for name, t in predictions.items()})
        return tf.estimator.EstimatorSpec(mode, predictions=predictions,
                                          export_outputs={'outputs': export_outputs})

    with tf.name_scope('weight_decay'):
        add_weight_decay(params['weight_decay'])
        regularization_loss = tf.losses.get_regularization_loss()  # expect: WD105

    losses = ssd.loss(labels, params)
    tf.losses.add_loss(params['localization_loss_weight'] * losses['localization_loss'])
    tf.losses.add_loss(params['classification_loss_weight'] * losses['classification_loss'])
    tf.summary.scalar('regularization_loss', regularization_loss)
    tf.summary.scalar('localization_loss', losses['localization_loss'])
    tf.summary.scalar('classification_loss', losses['classification_loss'])
    # regularization is already tracked on its own above, keep the total comparable to the paper's numbers
    total_loss = tf.losses.get_total_loss(add_regularization_losses=False)

    if mode == tf.estimator.ModeKeys.EVAL:
        evaluator = Evaluator(num_classes=params['num_classes'])
        eval_metric_ops = evaluator.get_metric_ops(features['filenames'], labels, predictions)
        return tf.estimator.EstimatorSpec(mode, loss=total_loss, eval_metric_ops=eval_metric_ops)

    with tf.variable_scope('learning_rate'):
        global_step = tf.train.get_global_step()
        learning_rate = tf.train.piecewise_constant(global_step, params['lr_boundaries'], params['lr_values'])
        tf.summary.scalar('learning_rate', learning_rate)

    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops), tf.variable_scope('optimizer'):
        optimizer = tf.train.RMSPropOptimizer(learning_rate, decay=0.9, momentum=0.9, epsilon=1.0)
        var_list = None
        if params['freeze']:
            regexp = re.compile(params['freeze'])
            var_list = [v for v in tf.trainable_variables() if not regexp.search(v.name)]
        grads_and_vars = optimizer.compute_gradients(total_loss, var_list=var_list)
        train_op = optimizer.apply_gradients(grads_and_vars, global_step)

    return tf.estimator.EstimatorSpec(mode, loss=total_loss, train_op=train_op)


class IteratorInitializerHook(tf.train.SessionRunHook):
    def __init__(self):
        super(IteratorInitializerHook, self).__init__()
        self.iterator_initializer_func = None

    def after_create_session(self, session, coord):
        self.iterator_initializer_func(session)


def add_weight_decay(weight_decay):
    """L2 on the conv kernels only (no depthwise kernels, no biases, no batch norm)."""
    weight_decay = tf.constant(weight_decay, tf.float32, [], 'weight_decay')
    kernels = [v for v in tf.trainable_variables()
               if 'weights' in v.name and 'depthwise_weights' not in v.name]
    for K in kernels:
        x = tf.multiply(weight_decay, tf.nn.l2_loss(K))
        tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, x)
