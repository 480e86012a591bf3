# Idiom seen in: littlemesie/recommend-tf2.0 src/ctr/deep_fm/model.py
# Idiom seen in: littlemesie/recommend-tf2.0 src/ctr/layers/modules.py
# Idiom seen in: littlemesie/recommend-tf2.0 src/ctr/deep_fm/train.py
# What it reproduces: a subclassed DeepFM with embeddings_regularizer=l2 on every sparse field and an
#   FM layer whose add_weight has regularizer=l2(w_reg); build_graph() wraps it in a functional Model
#   that is compiled and fit under a MirroredStrategy, so Keras adds model.losses itself: clean.
import tensorflow as tf
from tensorflow.keras import Model
from tensorflow.keras.layers import Dense, Embedding, Input
from tensorflow.keras.regularizers import l2

from modules import DNN, FM


class DeepFM(Model):
    def __init__(self, feature_columns, hidden_units=(128, 64, 32), dnn_dropout=0.,
                 activation='relu', fm_w_reg=1e-6, embed_reg=1e-6):
        super(DeepFM, self).__init__()
        self.dense_feature_columns, self.sparse_feature_columns = feature_columns
        self.embed_layers = {
            'embed_' + str(i): Embedding(input_dim=feat['feat_num'],
                                         input_length=1,
                                         output_dim=feat['embed_dim'],
                                         embeddings_initializer='random_normal',
                                         embeddings_regularizer=l2(embed_reg))
            for i, feat in enumerate(self.sparse_feature_columns)
        }
        self.feature_length = len(self.dense_feature_columns) + sum(
            feat['embed_dim'] for feat in self.sparse_feature_columns)
        self.fm = FM(self.feature_length, fm_w_reg)
        self.dnn = DNN(hidden_units, activation, dnn_dropout)
        self.dense = Dense(1, activation=None)

    def call(self, inputs, **kwargs):
        dense_inputs, sparse_inputs = inputs
        sparse_embed = tf.concat([self.embed_layers['embed_{}'.format(i)](sparse_inputs[:, i])
                                  for i in range(sparse_inputs.shape[1])], axis=-1)
        embeds = tf.concat([dense_inputs, sparse_embed], axis=-1)
        fm_outputs = self.fm([embeds, sparse_embed])
        deep_outputs = self.dense(self.dnn(embeds))
        return tf.nn.sigmoid(tf.add(fm_outputs, deep_outputs))

    def build_graph(self, **kwargs):
        dense_inputs = Input(shape=(len(self.dense_feature_columns),), dtype=tf.float32)
        sparse_inputs = Input(shape=(len(self.sparse_feature_columns),), dtype=tf.int32)
        return Model(inputs=[dense_inputs, sparse_inputs],
                     outputs=self.call([dense_inputs, sparse_inputs]))
