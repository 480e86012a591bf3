# Idiom seen in: gdtydm/FM-FFM model/FM.py
# Idiom seen in: gdtydm/FM-FFM model_fn.py
# What it reproduces: a DeepFM-style model class built from hparams (embedding via tf.get_variable, deep part
# via tf.layers.dense); this variant (injected) gives them regularizer=/kernel_regularizer=, but model_fn.py
# trains on the bare sigmoid cross entropy, so REGULARIZATION_LOSSES is never read.
import tensorflow as tf


class FM(object):
    def __init__(self, hparams, df_i, df_v):
        self.hparams = hparams
        self.l2 = tf.contrib.layers.l2_regularizer(hparams.l2_reg)
        line_result = self.line_section(df_i, df_v)
        fm_result = self.fm_section(df_i, df_v)
        if not hparams.use_deep:
            self.logits = line_result + tf.reduce_sum(fm_result, axis=1, keepdims=True)
        else:
            deep_result = self.deep_section()
            concat = tf.concat([line_result, fm_result, deep_result], axis=1)
            self.logits = tf.layers.dense(concat, units=1, activation=None)

    def line_section(self, df_i, df_v):
        with tf.variable_scope("line"):
            weights = tf.get_variable("weights", shape=[self.hparams.field_nums, 1],
                                      initializer=tf.initializers.glorot_uniform())
            batch_weights = tf.squeeze(tf.nn.embedding_lookup(weights, df_i), axis=2)
            return tf.multiply(df_v, batch_weights, name="line_w_x")

    def fm_section(self, df_i, df_v):
        with tf.variable_scope("fm"):
            embedding = tf.get_variable("embedding",
                                        shape=[self.hparams.field_nums, self.hparams.embedding_size],
                                        initializer=tf.initializers.random_normal(stddev=0.01),
                                        regularizer=self.l2)  # expect: WD102
            batch_embedding = tf.nn.embedding_lookup(embedding, df_i)
            self.xv = tf.multiply(tf.expand_dims(df_v, axis=2), batch_embedding)
            sum_square = tf.square(tf.reduce_sum(self.xv, axis=1))
            square_sum = tf.reduce_sum(tf.square(self.xv), axis=1)
            return 0.5 * tf.subtract(sum_square, square_sum)

    def deep_section(self):
        deep = tf.reshape(self.xv, [-1, self.hparams.columns * self.hparams.embedding_size])
        for units in self.hparams.layers:
            deep = tf.layers.dense(deep, units=units, activation=tf.nn.relu,
                                   kernel_regularizer=self.l2)  # expect: WD102
            deep = tf.nn.dropout(deep, keep_prob=self.hparams.deep_keep_prob)
        return deep
