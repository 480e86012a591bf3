# Idiom seen in: LongmaoTeamTf/deep_recommenders deep_recommenders/keras/models/feature_interaction/fm.py
# Idiom seen in: LongmaoTeamTf/deep_recommenders deep_recommenders/keras/models/base.py
# What it reproduces: a factorization machine on the base Model: embeddings_regularizer and
# kernel_regularizer on its layers feed self.losses, which the inherited train_step adds. Clean.
import tensorflow as tf

from base import Model


class FM(Model):
    def __init__(self, num_features, factors=16, l2_reg=1e-5, **kwargs):
        super(FM, self).__init__(**kwargs)
        self._embedding = tf.keras.layers.Embedding(
            num_features, factors,
            embeddings_regularizer=tf.keras.regularizers.l2(l2_reg))
        self._linear = tf.keras.layers.Embedding(
            num_features, 1,
            embeddings_regularizer=tf.keras.regularizers.l2(l2_reg))
        self._bias = tf.Variable(0.0, name="global_bias")
        self._task = tf.keras.losses.BinaryCrossentropy(from_logits=True)

    def call(self, feature_ids, training=False):
        emb = self._embedding(feature_ids)
        square_of_sum = tf.square(tf.reduce_sum(emb, axis=1))
        sum_of_square = tf.reduce_sum(tf.square(emb), axis=1)
        interaction = 0.5 * tf.reduce_sum(square_of_sum - sum_of_square, axis=1)
        linear = tf.reduce_sum(tf.squeeze(self._linear(feature_ids), -1), axis=1)
        return self._bias + linear + interaction

    def compute_loss(self, inputs, training=False):
        feature_ids, labels = inputs
        logits = self(feature_ids, training=training)
        return self._task(labels, logits)
