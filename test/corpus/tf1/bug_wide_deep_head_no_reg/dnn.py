# Idiom seen in: Lapis-Hong/wide_deep python/lib/dnn.py
# What it reproduces: a multi-DNN Estimator whose hidden and logits layers get kernel_regularizer=REG (l1/l2 from the
#   model config), but the model_fn returns head.create_estimator_spec(..., train_op_fn=...) without
#   regularization_losses=, so the head's loss (the one train_op_fn minimizes) never holds REGULARIZATION_LOSSES (the repo's bug).
"""Dnn logits builder based on tf.estimator.DNNClassifier, with BN, dropout and regularization options."""
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function

import six
import tensorflow as tf
from tensorflow.python.estimator.canned import head as head_lib

from read_conf import Config
from model_util import add_layer_summary, get_optimizer_instance, activation_fn

CONF = Config().model
ACTIVATION_FN = activation_fn(CONF['dnn_activation_function'])
DROPOUT = CONF['dnn_dropout']
BATCH_NORM = CONF['dnn_batch_normalization']
DNN_L1 = CONF['dnn_l1']
DNN_L2 = CONF['dnn_l2']
regularizer_list = []
if DNN_L1:
    regularizer_list.append(tf.contrib.layers.l1_regularizer(DNN_L1))
if DNN_L2:
    regularizer_list.append(tf.contrib.layers.l2_regularizer(DNN_L2))
REG = tf.contrib.layers.sum_regularizer(regularizer_list) if regularizer_list else None


def _dnn_logit_fn(features, mode, model_id, units, hidden_units, connected_mode, feature_columns):
    net = tf.feature_column.input_layer(features=features, feature_columns=feature_columns)
    input_layer = net
    for layer_id, num_hidden_units in enumerate(hidden_units):
        with tf.variable_scope('dnn_{}/hiddenlayer_{}'.format(model_id, layer_id),
                               values=(net,)) as hidden_layer_scope:
            if connected_mode == 'first_dense' and layer_id > 0:
                net = tf.concat([net, input_layer], axis=1)
            net = tf.layers.dense(
                net,
                units=num_hidden_units,
                activation=ACTIVATION_FN,
                kernel_initializer=tf.glorot_uniform_initializer(),
                kernel_regularizer=REG,  # expect: WD102
                name=hidden_layer_scope)
            if DROPOUT is not None and mode == tf.estimator.ModeKeys.TRAIN:
                net = tf.layers.dropout(net, rate=DROPOUT, training=True)
            if BATCH_NORM:
                net = tf.layers.batch_normalization(net)
        add_layer_summary(net, hidden_layer_scope.name)

    with tf.variable_scope('dnn_{}/logits'.format(model_id), values=(net,)) as logits_scope:
        logits = tf.layers.dense(
            net,
            units=units,
            kernel_initializer=tf.glorot_uniform_initializer(),
            kernel_regularizer=REG,  # expect: WD102
            name=logits_scope)
    add_layer_summary(logits, logits_scope.name)
    return logits


class DNN(object):
    def __init__(self, hidden_units, connected_layers='simple'):
        self.hidden_units = hidden_units
        self.connected_layers = connected_layers


class MultiDNNClassifier(tf.estimator.Estimator):
    """A classifier for multi DNN joint models, based on tf.estimator.DNNClassifier."""

    def __init__(self, model_collections, feature_columns, model_dir=None, n_classes=2,
                 weight_column=None, optimizer='Adagrad', config=None):
        if n_classes == 2:
            head = head_lib._binary_logistic_head_with_sigmoid_cross_entropy_loss(  # pylint: disable=protected-access
                weight_column=weight_column)
        else:
            head = head_lib._multi_class_head_with_softmax_cross_entropy_loss(  # pylint: disable=protected-access
                n_classes, weight_column=weight_column)

        def _model_fn(features, labels, mode, config):
            opt = get_optimizer_instance(optimizer, learning_rate=0.05)
            with tf.variable_scope('dnn', values=tuple(six.itervalues(features))):
                logits = []
                for idx, m in enumerate(model_collections):
                    logits.append(_dnn_logit_fn(features, mode, idx + 1, head.logits_dimension,
                                                m.hidden_units, m.connected_layers, feature_columns))
                logits = tf.add_n(logits)

            def _train_op_fn(loss):
                """Returns the op to optimize the loss."""
                return opt.minimize(loss, global_step=tf.train.get_global_step())

            return head.create_estimator_spec(
                features=features,
                mode=mode,
                labels=labels,
                train_op_fn=_train_op_fn,
                logits=logits)

        super(MultiDNNClassifier, self).__init__(model_fn=_model_fn, model_dir=model_dir, config=config)
