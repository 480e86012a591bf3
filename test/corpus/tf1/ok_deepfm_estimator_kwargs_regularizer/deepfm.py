# Idiom seen in: LongmaoTeamTf/deep_recommenders deep_recommenders/estimator/models/ranking/deepfm.py
# Idiom seen in: LongmaoTeamTf/deep_recommenders deep_recommenders/estimator/models/feature_interaction/fm.py
# What it reproduces: DeepFM as a plain callable object: FM part on feature-column embeddings, DNN part
# through dnn(..., **dnn_kwargs), so whatever regularizer the caller passes reaches the dense layers.
import tensorflow as tf

from dnn import dnn


class FM(object):
    def __init__(self, indicator_columns, embedding_columns):
        self._indicator_columns = indicator_columns
        self._embedding_columns = embedding_columns
        self.embeddings = None

    def __call__(self, features):
        linear = tf.feature_column.linear_model(features, self._indicator_columns)
        self.embeddings = [tf.feature_column.input_layer(features, [col])
                           for col in self._embedding_columns]
        stacked = tf.stack(self.embeddings, axis=1)
        square_of_sum = tf.square(tf.reduce_sum(stacked, axis=1))
        sum_of_square = tf.reduce_sum(tf.square(stacked), axis=1)
        pairwise = 0.5 * tf.reduce_sum(square_of_sum - sum_of_square, axis=1, keepdims=True)
        return linear + pairwise


class DeepFM(object):
    def __init__(self, indicator_columns, embedding_columns, dnn_units, dnn_activation=tf.nn.relu,
                 dnn_batch_normalization=False, dnn_dropout=None, **dnn_kwargs):
        self._indicator_columns = indicator_columns
        self._embedding_columns = embedding_columns
        self._dnn_hidden_units = dnn_units
        self._dnn_activation = dnn_activation
        self._dnn_batch_norm = dnn_batch_normalization
        self._dnn_dropout = dnn_dropout
        self._dnn_kwargs = dnn_kwargs

    def __call__(self, *args, **kwargs):
        return self.call(*args, **kwargs)

    def call(self, features):
        fm = FM(self._indicator_columns, self._embedding_columns)
        fm_outputs = fm(features)
        concat_embeddings = tf.concat(fm.embeddings, axis=1)
        dnn_outputs = dnn(concat_embeddings, self._dnn_hidden_units + [1],
                          activation=self._dnn_activation,
                          batch_normalization=self._dnn_batch_norm,
                          dropout=self._dnn_dropout,
                          **self._dnn_kwargs)
        return tf.nn.sigmoid(fm_outputs + dnn_outputs)
