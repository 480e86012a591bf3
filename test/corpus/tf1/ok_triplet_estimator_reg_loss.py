# Idiom seen in: omoindrot/tensorflow-triplet-loss model/model_fn.py
# Idiom seen in: omoindrot/tensorflow-triplet-loss train.py
# What it reproduces: the triplet-loss Estimator with kernel regularizers on its tf.layers, done right: the
#   model_fn adds tf.losses.get_regularization_loss() to the batch-all triplet loss before minimize. Clean.
import argparse
import os

import tensorflow as tf

from model.input_fn import train_input_fn
from model.triplet_loss import batch_all_triplet_loss
from model.utils import Params


def build_model(is_training, images, params):
    out = images
    num_channels = params.num_channels
    regularizer = tf.contrib.layers.l2_regularizer(params.l2_reg)
    for i, c in enumerate([num_channels, num_channels * 2]):
        with tf.variable_scope('block_{}'.format(i + 1)):
            out = tf.layers.conv2d(out, c, 3, padding='same', kernel_regularizer=regularizer)
            out = tf.layers.batch_normalization(out, momentum=params.bn_momentum, training=is_training)
            out = tf.nn.relu(out)
            out = tf.layers.max_pooling2d(out, 2, 2)
    out = tf.reshape(out, [-1, 7 * 7 * num_channels * 2])
    with tf.variable_scope('fc_1'):
        out = tf.layers.dense(out, params.embedding_size, kernel_regularizer=regularizer)
    return out


def model_fn(features, labels, mode, params):
    is_training = (mode == tf.estimator.ModeKeys.TRAIN)
    images = tf.reshape(features, [-1, params.image_size, params.image_size, 1])
    with tf.variable_scope('model'):
        embeddings = build_model(is_training, images, params)

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode=mode, predictions={'embeddings': embeddings})

    labels = tf.cast(labels, tf.int64)
    triplet_loss, fraction = batch_all_triplet_loss(labels, embeddings, margin=params.margin,
                                                    squared=params.squared)
    reg_loss = tf.losses.get_regularization_loss()
    loss = triplet_loss + reg_loss
    tf.summary.scalar('triplet_loss', triplet_loss)
    tf.summary.scalar('reg_loss', reg_loss)
    tf.summary.scalar('fraction_positive_triplets', fraction)

    if mode == tf.estimator.ModeKeys.EVAL:
        return tf.estimator.EstimatorSpec(
            mode, loss=loss, eval_metric_ops={'fraction_positive_triplets': tf.metrics.mean(fraction)})

    optimizer = tf.train.AdamOptimizer(params.learning_rate)
    with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
        train_op = optimizer.minimize(loss, global_step=tf.train.get_global_step())
    return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--model_dir', default='experiments/batch_all')
    parser.add_argument('--data_dir', default='data/mnist')
    args = parser.parse_args()
    params = Params(os.path.join(args.model_dir, 'params.json'))
    config = tf.estimator.RunConfig(tf_random_seed=230, model_dir=args.model_dir,
                                    save_summary_steps=params.save_summary_steps)
    estimator = tf.estimator.Estimator(model_fn, params=params, config=config)
    estimator.train(lambda: train_input_fn(args.data_dir, params))
