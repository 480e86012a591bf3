# Idiom seen in: TropComplique/FaceBoxes-tensorflow model.py (model_fn with add_weight_decay into REGULARIZATION_LOSSES, get_regularization_loss, MomentumOptimizer.compute_gradients)
# What it reproduces: the detector's model_fn sums the regularization losses into `regularization_loss` but only logs it; the optimizer and the EstimatorSpec use the plain detection loss (bug, WD105; the original used get_total_loss(add_regularization_losses=True)).
import tensorflow as tf

from src import Detector, AnchorGenerator, FeatureExtractor  # not in this folder
from evaluation_utils import Evaluator  # not in this folder


def add_l2_penalties(coeff):
    """Register coeff * l2_loss(w) for every conv/dense kernel."""
    coeff = tf.constant(coeff, tf.float32, [], 'weight_decay')
    for w in tf.trainable_variables():
        if 'weights' not in w.name:
            continue
        penalty = tf.multiply(coeff, tf.nn.l2_loss(w))
        tf.add_to_collection(tf.GraphKeys.REGULARIZATION_LOSSES, penalty)


def model_fn(features, labels, mode, params, config):
    is_training = mode == tf.estimator.ModeKeys.TRAIN
    backbone = FeatureExtractor(is_training)
    anchors = AnchorGenerator()
    detector = Detector(features['images'], backbone, anchors)

    if not is_training:
        predictions = detector.get_predictions(
            score_threshold=params['score_threshold'],
            iou_threshold=params['iou_threshold'],
            max_boxes=params['max_boxes'])

    if mode == tf.estimator.ModeKeys.PREDICT:
        export_outputs = tf.estimator.export.PredictOutput(
            {name: tf.identity(t, name) for name, t in predictions.items()})
        return tf.estimator.EstimatorSpec(
            mode, predictions=predictions,
            export_outputs={'outputs': export_outputs})

    with tf.name_scope('weight_decay'):
        add_l2_penalties(params['weight_decay'])
        regularization_loss = tf.losses.get_regularization_loss()  # expect: WD105

    losses = detector.loss(labels, params)
    localization_loss = params['localization_loss_weight'] * losses['localization_loss']
    classification_loss = params['classification_loss_weight'] * losses['classification_loss']
    total_loss = localization_loss + classification_loss

    tf.summary.scalar('regularization_loss', regularization_loss)
    tf.summary.scalar('localization_loss', losses['localization_loss'])
    tf.summary.scalar('classification_loss', losses['classification_loss'])

    if mode == tf.estimator.ModeKeys.EVAL:
        with tf.name_scope('evaluator'):
            evaluator = Evaluator()
            eval_metric_ops = evaluator.get_metric_ops(
                features['filenames'], labels, predictions)
        return tf.estimator.EstimatorSpec(mode, loss=total_loss,
                                          eval_metric_ops=eval_metric_ops)

    with tf.variable_scope('learning_rate'):
        global_step = tf.train.get_global_step()
        learning_rate = tf.train.piecewise_constant(
            global_step, params['lr_boundaries'], params['lr_values'])
        tf.summary.scalar('learning_rate', learning_rate)

    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    with tf.control_dependencies(update_ops), tf.variable_scope('optimizer'):
        optimizer = tf.train.MomentumOptimizer(learning_rate, momentum=0.9,
                                               use_nesterov=True)
        grads_and_vars = optimizer.compute_gradients(total_loss)
        train_op = optimizer.apply_gradients(grads_and_vars, global_step)

    for g, v in grads_and_vars:
        tf.summary.histogram(v.name[:-2] + '_hist', v)

    return tf.estimator.EstimatorSpec(mode, loss=total_loss, train_op=train_op)
