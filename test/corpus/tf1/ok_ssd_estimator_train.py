# Idiom seen in: HiKapok/SSD.TensorFlow train_ssd.py (ssd_model_fn: total_loss = cross_entropy + loc_loss + weight_decay * add_n(l2_loss of non-BN vars); replicate_model_fn; tf.app.run())
# What it reproduces: an Estimator model_fn that adds a hand-written L2 term (BN and bias variables excluded) to the detection
#   loss and minimizes that total with a TowerOptimizer-wrapped MomentumOptimizer; params come from tf.app.flags. Clean.
from __future__ import absolute_import, division, print_function

import os

import tensorflow as tf

from net import ssd_net
from dataset import dataset_common

tf.app.flags.DEFINE_string('data_dir', './dataset/tfrecords', 'The directory where the input data is stored.')
tf.app.flags.DEFINE_string('model_dir', './logs/', 'The directory where the model will be stored.')
tf.app.flags.DEFINE_integer('num_classes', 21, 'Number of classes to use in the dataset.')
tf.app.flags.DEFINE_integer('batch_size', 32, 'Batch size for training and evaluation.')
tf.app.flags.DEFINE_integer('max_number_of_steps', 120000, 'The max number of steps to use for training.')
tf.app.flags.DEFINE_float('negative_ratio', 3., 'Negative ratio in the loss function.')
tf.app.flags.DEFINE_float('weight_decay', 5e-4, 'The weight decay on the model weights.')
tf.app.flags.DEFINE_float('momentum', 0.9, 'The momentum for the MomentumOptimizer.')
tf.app.flags.DEFINE_float('learning_rate', 1e-3, 'Initial learning rate.')
tf.app.flags.DEFINE_string('decay_boundaries', '80000, 100000', 'Learning rate decay boundaries.')
tf.app.flags.DEFINE_string('lr_decay_factors', '1, 0.1, 0.01', 'Learning rate decay factors.')
FLAGS = tf.app.flags.FLAGS


def modified_smooth_l1(bbox_pred, bbox_targets, sigma=1.):
    sigma2 = sigma * sigma
    diff = tf.abs(bbox_pred - bbox_targets)
    sign = tf.cast(tf.less(diff, 1.0 / sigma2), tf.float32)
    return 0.5 * sigma2 * tf.square(diff) * sign + (diff - 0.5 / sigma2) * (1. - sign)


def ssd_model_fn(features, labels, mode, params):
    cls_targets = tf.reshape(labels['cls_targets'], [-1])
    loc_targets = tf.reshape(labels['loc_targets'], [-1, 4])

    with tf.variable_scope(params['model_scope'], default_name=None, values=[features], reuse=tf.AUTO_REUSE):
        backbone = ssd_net.VGG16Backbone(params['data_format'])
        feature_layers = backbone.forward(features, training=(mode == tf.estimator.ModeKeys.TRAIN))
        location_pred, cls_pred = ssd_net.multibox_head(feature_layers, params['num_classes'], params['data_format'])
        cls_pred = tf.concat([tf.reshape(p, [-1, params['num_classes']]) for p in cls_pred], axis=0)
        location_pred = tf.concat([tf.reshape(p, [-1, 4]) for p in location_pred], axis=0)

    positive_mask = cls_targets > 0
    n_positives = tf.count_nonzero(positive_mask)
    predictions = {'classes': tf.argmax(cls_pred, axis=-1),
                   'probabilities': tf.reduce_max(tf.nn.softmax(cls_pred), axis=-1)}
    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions)

    cross_entropy = (params['negative_ratio'] + 1.) * tf.cond(
        n_positives > 0,
        lambda: tf.losses.sparse_softmax_cross_entropy(labels=cls_targets, logits=cls_pred),
        lambda: 0.)
    tf.identity(cross_entropy, name='cross_entropy_loss')

    loc_loss = modified_smooth_l1(tf.boolean_mask(location_pred, positive_mask),
                                  tf.stop_gradient(tf.boolean_mask(loc_targets, positive_mask)))
    loc_loss = tf.reduce_mean(tf.reduce_sum(loc_loss, axis=-1), name='location_loss')
    tf.losses.add_loss(loc_loss)

    # Add weight decay to the loss. We exclude the batch norm variables and the biases.
    decayed = [v for v in tf.trainable_variables() if '_bn' not in v.name and 'bias' not in v.name]
    l2_loss = tf.multiply(params['weight_decay'], tf.add_n([tf.nn.l2_loss(v) for v in decayed]), name='l2_loss')
    total_loss = tf.add(cross_entropy + loc_loss, l2_loss, name='total_loss')

    if mode == tf.estimator.ModeKeys.TRAIN:
        global_step = tf.train.get_or_create_global_step()
        lr_values = [params['learning_rate'] * decay for decay in params['lr_decay_factors']]
        learning_rate = tf.train.piecewise_constant(tf.cast(global_step, tf.int32),
                                                    [int(b) for b in params['decay_boundaries']], lr_values)
        optimizer = tf.train.MomentumOptimizer(learning_rate=learning_rate, momentum=params['momentum'])
        optimizer = tf.contrib.estimator.TowerOptimizer(optimizer)
        update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
        with tf.control_dependencies(update_ops):
            train_op = optimizer.minimize(total_loss, global_step)
    else:
        train_op = None

    metrics = {'cls_accuracy': tf.metrics.accuracy(cls_targets, predictions['classes'])}
    return tf.estimator.EstimatorSpec(mode=mode, predictions=predictions, loss=total_loss,
                                      train_op=train_op, eval_metric_ops=metrics)


def parse_comma_list(args):
    return [float(s.strip()) for s in args.split(',')]


def main(_):
    run_config = tf.estimator.RunConfig().replace(save_checkpoints_secs=7200, save_summary_steps=500)
    replicate_ssd_model_fn = tf.contrib.estimator.replicate_model_fn(
        ssd_model_fn, loss_reduction=tf.losses.Reduction.MEAN)
    ssd_detector = tf.estimator.Estimator(
        model_fn=replicate_ssd_model_fn, model_dir=FLAGS.model_dir, config=run_config,
        params={
            'data_format': 'channels_first',
            'model_scope': 'ssd300',
            'num_classes': FLAGS.num_classes,
            'negative_ratio': FLAGS.negative_ratio,
            'weight_decay': FLAGS.weight_decay,
            'momentum': FLAGS.momentum,
            'learning_rate': FLAGS.learning_rate,
            'decay_boundaries': parse_comma_list(FLAGS.decay_boundaries),
            'lr_decay_factors': parse_comma_list(FLAGS.lr_decay_factors),
        })
    logging_hook = tf.train.LoggingTensorHook(
        tensors={'ce': 'cross_entropy_loss', 'loc': 'location_loss', 'l2': 'l2_loss', 'loss': 'total_loss'},
        every_n_iter=10)
    ssd_detector.train(input_fn=dataset_common.input_pipeline(os.path.join(FLAGS.data_dir, 'train-*'),
                                                              FLAGS.batch_size, is_training=True),
                       hooks=[logging_hook], max_steps=FLAGS.max_number_of_steps)


if __name__ == '__main__':
    tf.logging.set_verbosity(tf.logging.INFO)
    tf.app.run()
