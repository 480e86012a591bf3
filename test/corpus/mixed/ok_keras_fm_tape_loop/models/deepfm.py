# Idiom seen in: jiafeiwang/rec-system-demos models/DeepFM.py
# What it reproduces: DeepFM assembled from an embedding block, the FM layer (regularized weights) and the deep tower (regularized kernels) of the other modules. Clean.
import tensorflow as tf
from tensorflow.keras.layers import Embedding
from tensorflow.keras.models import Model

from layers.fm import FMLayer
from models.deep import Deep


class DeepFM(Model):
    def __init__(self, k_unit, w_reg, v_reg, hidden_units, dense_feature_info, sparse_feature_info):
        super(DeepFM, self).__init__()
        self.k_unit = k_unit
        self.w_reg = w_reg
        self.v_reg = v_reg
        self.hidden_units = hidden_units
        self.dense_feature_info = dense_feature_info
        self.sparse_feature_info = sparse_feature_info

    def build(self, input_shape):
        self.embed_layers = {f['name']: Embedding(f['onehot_dims'], f['embed_dims'])
                             for f in self.sparse_feature_info}
        self.fm_layer = FMLayer(self.k_unit, self.w_reg, self.v_reg)
        self.deep = Deep(self.hidden_units, l2_reg=self.w_reg)

    def call(self, inputs, training=None, mask=None):
        embeds = [self.embed_layers[f['name']](inputs[:, f['idx']]) for f in self.sparse_feature_info]
        embed_x = tf.concat(embeds, axis=-1)
        dense_x = tf.gather(inputs, [f['idx'] for f in self.dense_feature_info], axis=1)
        x = tf.concat([dense_x, embed_x], axis=1)
        fm_output = self.fm_layer(x)
        dense_output = self.deep(x, training=training)
        return tf.nn.sigmoid(0.5 * (fm_output + dense_output))
