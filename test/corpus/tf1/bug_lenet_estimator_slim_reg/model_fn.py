# Idiom seen in: zhongh3/cs5242-project model_fn.py
# Idiom seen in: zhongh3/cs5242-project le_net.py
# What it reproduces: the real repository's bug: slim layers in le_net.py carry weights_regularizer=slim.l2_regularizer(...),
#   but the Estimator model_fn minimizes only the mean cross entropy with Adam, so REGULARIZATION_LOSSES is never read.
from __future__ import print_function

import tensorflow as tf

from le_net import le_net
from setting import in_height, in_width, num_classes, dropout, learning_rate

tf.logging.set_verbosity(tf.logging.INFO)


def model_fn(features, labels, mode):
    # two graphs sharing weights: dropout only in the training one
    logits_train = le_net(features, in_height, in_width, num_classes, dropout,
                          reuse=False, is_training=True)
    logits_test = le_net(features, in_height, in_width, num_classes, dropout,
                         reuse=True, is_training=False)

    pred_classes = tf.argmax(logits_test, axis=1)
    pred_probas = tf.nn.softmax(logits_test)

    if mode == tf.estimator.ModeKeys.PREDICT:
        return tf.estimator.EstimatorSpec(mode, predictions=pred_probas)

    loss_op = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
        logits=logits_train, labels=tf.cast(labels, dtype=tf.int32)))

    optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate)
    train_op = optimizer.minimize(loss_op, global_step=tf.train.get_global_step())

    acc_op = tf.metrics.accuracy(labels=labels, predictions=pred_classes)

    return tf.estimator.EstimatorSpec(
        mode=mode,
        predictions=pred_classes,
        loss=loss_op,
        train_op=train_op,
        eval_metric_ops={'accuracy': acc_op})
