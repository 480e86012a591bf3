# Idiom seen in: ok69531/dacon gcn_layer.py
# Idiom seen in: ok69531/dacon gcn.py
# What it reproduces: the repo's GCNLayer with an L2 weight regularizer via add_weight, trained in
#   a GradientTape loop whose loss adds tf.add_n(model.losses) inside the tape; clean.
import tensorflow as tf
import tensorflow.keras as K
from tensorflow.keras import layers

from mol_graphs import make_dataset

L2_REG = 1e-4


class GCNLayer(tf.keras.layers.Layer):
    def __init__(self, activation=None, **kwargs):
        super(GCNLayer, self).__init__(**kwargs)
        self.activation = K.activations.get(activation)

    def build(self, input_shape):
        node_shape, adj_shape = input_shape
        self.w = self.add_weight(shape=(node_shape[2], node_shape[2]), name="w",
                                 regularizer=tf.keras.regularizers.l2(L2_REG))

    def call(self, inputs):
        nodes, adj = inputs
        degree = tf.reduce_sum(adj, axis=-1)
        new_nodes = tf.einsum("bi,bij,bjk,kl->bil", 1 / degree, adj, nodes, self.w)
        return self.activation(new_nodes), adj


class GRLayer(tf.keras.layers.Layer):
    def call(self, inputs):
        nodes, adj = inputs
        return tf.reduce_mean(nodes, axis=1)


node_input = layers.Input((None, 60))
adj_input = layers.Input((None, None))
x = GCNLayer("relu")(GCNLayer("relu")([node_input, adj_input]))
x = GRLayer()(x)
x = layers.Dense(16, "relu", kernel_regularizer=tf.keras.regularizers.l2(L2_REG))(x)
model = K.models.Model([node_input, adj_input], layers.Dense(1)(x))

optimizer = K.optimizers.SGD(0.005)
mae = K.losses.MeanAbsoluteError()


@tf.function
def train_step(graph, y):
    with tf.GradientTape() as tape:
        yhat = model(graph, training=True)
        loss = mae(y, tf.squeeze(yhat, -1)) + tf.add_n(model.losses)
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


train = make_dataset("train.csv").batch(1)
for epoch in range(10):
    for graph, y in train:
        loss = train_step(graph, y)
    print("epoch", epoch, float(loss))
