# Idiom seen in: ok69531/dacon gcn.py
# Idiom seen in: ok69531/dacon gcn_layer.py
# What it reproduces: the repo's GCNLayer/GRLayer (dmol-book GCN on molecular graphs) with an L2
#   regularizer added to the layer weight through add_weight(regularizer=...); train.py trains in a
#   GradientTape loop whose loss leaves model.losses out, so this term is never minimized.
import tensorflow as tf
import tensorflow.keras as K


class GCNLayer(tf.keras.layers.Layer):
    """Implementation of GCN as layer"""

    def __init__(self, activation=None, l2_reg=0.0, **kwargs):
        super(GCNLayer, self).__init__(**kwargs)
        self.activation = K.activations.get(activation)
        self.l2_reg = l2_reg

    def build(self, input_shape):
        node_shape, adj_shape = input_shape
        self.w = self.add_weight(
            shape=(node_shape[2], node_shape[2]),
            name="w",
            regularizer=tf.keras.regularizers.l2(self.l2_reg),  # expect: WD103
        )

    def call(self, inputs):
        nodes, adj = inputs
        degree = tf.reduce_sum(adj, axis=-1)
        new_nodes = tf.einsum("bi,bij,bjk,kl->bil", 1 / degree, adj, nodes, self.w)
        return self.activation(new_nodes), adj


class GRLayer(tf.keras.layers.Layer):
    """A GNN layer that computes average over all node features"""

    def __init__(self, name="GRLayer", **kwargs):
        super(GRLayer, self).__init__(name=name, **kwargs)

    def call(self, inputs):
        nodes, adj = inputs
        return tf.reduce_mean(nodes, axis=1)
