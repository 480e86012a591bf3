# Idiom seen in: shenweichen/DeepCTR deepctr/estimator/models/deepfm.py
# Idiom seen in: shenweichen/DeepCTR deepctr/estimator/feature_column.py
# What it reproduces: DeepFMEstimator factory: a closure _model_fn builds a linear part
#   (get_variable with an l2 regularizer) and an embedding + DNN part (layers with kernel_regularizer),
#   then hands the logits to deepctr_model_fn, whose head drops the regularization sum (see utils.py).
import tensorflow as tf
from utils import deepctr_model_fn, DNN_SCOPE_NAME, LINEAR_SCOPE_NAME


def get_linear_logit(features, feature_names, l2_reg_linear):
    with tf.variable_scope(LINEAR_SCOPE_NAME):
        dense = tf.concat([tf.reshape(tf.cast(features[f], tf.float32), [-1, 1]) for f in feature_names], axis=1)
        w = tf.get_variable('linear_w', [len(feature_names), 1],
                            regularizer=tf.contrib.layers.l2_regularizer(l2_reg_linear))
        b = tf.get_variable('linear_b', [1], initializer=tf.zeros_initializer())
        return tf.matmul(dense, w) + b


def DeepFMEstimator(sparse_feature_columns, dense_feature_names, dnn_hidden_units=(128, 128),
                    l2_reg_linear=0.00001, l2_reg_embedding=0.00001, l2_reg_dnn=0.0001, task='binary',
                    model_dir=None, config=None, linear_optimizer=None, dnn_optimizer=None):

    def _model_fn(features, labels, mode, config):
        train_flag = (mode == tf.estimator.ModeKeys.TRAIN)
        linear_logits = get_linear_logit(features, dense_feature_names, l2_reg_linear=l2_reg_linear)

        with tf.variable_scope(DNN_SCOPE_NAME):
            embedding_list = []
            for fc in sparse_feature_columns:
                table = tf.get_variable('emb_' + fc.key, [fc.num_buckets, 8],
                                        regularizer=tf.contrib.layers.l2_regularizer(l2_reg_embedding))
                embedding_list.append(tf.nn.embedding_lookup(table, features[fc.key]))
            emb = tf.stack(embedding_list, axis=1)
            square_of_sum = tf.square(tf.reduce_sum(emb, axis=1))
            sum_of_square = tf.reduce_sum(emb * emb, axis=1)
            fm_logit = 0.5 * tf.reduce_sum(square_of_sum - sum_of_square, axis=1, keepdims=True)
            deep = tf.layers.flatten(emb)
            for i, units in enumerate(dnn_hidden_units):
                deep = tf.layers.dense(deep, units, activation=tf.nn.relu, name='dnn_%d' % i,
                                       kernel_regularizer=tf.contrib.layers.l2_regularizer(l2_reg_dnn))
                deep = tf.layers.dropout(deep, rate=0.1, training=train_flag)
            dnn_logit = tf.layers.dense(deep, 1, use_bias=False, activation=None)

        logits = linear_logits + fm_logit + dnn_logit
        return deepctr_model_fn(features, mode, logits, labels, task,
                                linear_optimizer or tf.train.FtrlOptimizer(0.005),
                                dnn_optimizer or tf.train.AdagradOptimizer(0.01))

    return tf.estimator.Estimator(_model_fn, model_dir=model_dir, config=config)
