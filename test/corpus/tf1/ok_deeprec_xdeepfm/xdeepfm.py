# Idiom seen in: recommenders-team/recommenders recommenders/models/deeprec/models/base_model.py
# What it reproduces: a subclass that registers its embedding table in embed_params and its DNN
#   weights in layer_params, so the base class's L2 covers them. Clean.
import tensorflow as tf

from base_model import BaseModel


class XDeepFMModel(BaseModel):

    def _build_graph(self):
        hp = self.hparams
        with tf.compat.v1.variable_scope("embedding"):
            self.embedding = tf.compat.v1.get_variable(
                "embedding_layer", shape=[hp.FEATURE_COUNT, hp.dim], initializer=self.initializer)
            self.embed_params.append(self.embedding)
        emb = tf.nn.embedding_lookup(self.embedding, self.iterator.dnn_feat_indices)
        x = tf.reshape(emb, [-1, hp.FIELD_COUNT * hp.dim])
        last = hp.FIELD_COUNT * hp.dim
        for idx, size in enumerate(hp.layer_sizes):
            w = tf.compat.v1.get_variable("w_nn_layer%d" % idx, shape=[last, size], initializer=self.initializer)
            b = tf.compat.v1.get_variable("b_nn_layer%d" % idx, shape=[size], initializer=tf.zeros_initializer())
            self.layer_params.append(w)
            x = tf.nn.relu(tf.matmul(x, w) + b)
            last = size
        w_out = tf.compat.v1.get_variable("w_nn_output", shape=[last, 1], initializer=self.initializer)
        self.layer_params.append(w_out)
        return tf.matmul(x, w_out)
