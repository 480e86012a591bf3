# Idiom seen in: ok69531/dacon gcn.py
# What it reproduces: the repo's functional GCN regressor (three GCNLayers, readout, two Dense) with
#   L2 on the Dense kernel as well; trained by train.py in a custom loop without model.losses.
import tensorflow as tf
from tensorflow.keras import layers

from layers import GCNLayer, GRLayer


def build_model(l2_reg=5e-4):
    node_input = layers.Input((None, 60))
    adj_input = layers.Input((None, None))
    x = GCNLayer("relu", l2_reg=l2_reg)([node_input, adj_input])
    x = GCNLayer("relu", l2_reg=l2_reg)(x)
    x = GCNLayer("relu", l2_reg=l2_reg)(x)
    x = GRLayer()(x)
    x = layers.Dense(16, "relu", kernel_regularizer=tf.keras.regularizers.l2(l2_reg))(x)  # expect: WD103
    yhat = layers.Dense(1)(x)
    return tf.keras.models.Model([node_input, adj_input], yhat)
