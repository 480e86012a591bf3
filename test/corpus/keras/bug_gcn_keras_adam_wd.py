# Idiom seen in: stellargraph/stellargraph stellargraph/layer/gcn.py
# What it reproduces: a Keras GCN where the user ports Kipf's "weight_decay 5e-4" as the Keras Adam's own
#   weight_decay argument (Keras 2.11+, decoupled): it decays every trainable variable, the biases and the
#   output layer included, instead of the first layer's kernel only; nothing is excluded.
import tensorflow as tf
from tensorflow.keras import layers
from utils import load_cora, normalize_adj_dense

LR = 0.01
WEIGHT_DECAY = 5e-4
HIDDEN = 16
DROPOUT = 0.5


class GraphConv(layers.Layer):
    def __init__(self, units, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = tf.keras.activations.get(activation)

    def build(self, input_shapes):
        feature_shape, _ = input_shapes
        self.kernel = self.add_weight(name="kernel", shape=(int(feature_shape[-1]), self.units), initializer="glorot_uniform")
        self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros")

    def call(self, inputs):
        x, a = inputs
        return self.activation(tf.matmul(a, tf.matmul(x, self.kernel)) + self.bias)


features, adj, labels, train_mask, val_mask = load_cora("data/cora")
A = normalize_adj_dense(adj)
n_nodes, n_feat = features.shape

x_in = layers.Input(shape=(n_feat,), batch_size=n_nodes)
a_in = layers.Input(shape=(n_nodes,), batch_size=n_nodes)
h = layers.Dropout(DROPOUT)(x_in)
h = GraphConv(HIDDEN, activation="relu")([h, a_in])
h = layers.Dropout(DROPOUT)(h)
out = GraphConv(labels.shape[1], activation="softmax")([h, a_in])
model = tf.keras.Model([x_in, a_in], out)

model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=LR, weight_decay=WEIGHT_DECAY),  # expect: WD203
              loss="categorical_crossentropy", weighted_metrics=["acc"])
model.fit([features, A], labels, sample_weight=train_mask, batch_size=n_nodes, epochs=200, shuffle=False,
          validation_data=([features, A], labels, val_mask))
