# Idiom seen in: stellargraph/stellargraph stellargraph/layer/gcn.py
# What it reproduces: a stellargraph-style GraphConvolution Keras layer that keeps its
#   kernel_regularizer (regularizers.get) and hands it to add_weight; the GCN builder gives an l2
#   regularizer to the first layer only, as in Kipf's weight_decay on the first layer. train.py adds
#   model.losses to the loss in its GradientTape step. Clean.
import tensorflow as tf
from tensorflow.keras import activations, initializers, regularizers
from tensorflow.keras.layers import Layer, Dropout, Input


class GraphConvolution(Layer):
    def __init__(self, units, activation=None, use_bias=True, kernel_initializer="glorot_uniform",
                 kernel_regularizer=None, bias_regularizer=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)

    def build(self, input_shapes):
        feature_shape, _ = input_shapes
        input_dim = int(feature_shape[-1])
        self.kernel = self.add_weight(shape=(input_dim, self.units), initializer=self.kernel_initializer,
                                      name="kernel", regularizer=self.kernel_regularizer)
        if self.use_bias:
            self.bias = self.add_weight(shape=(self.units,), initializer="zeros", name="bias",
                                        regularizer=self.bias_regularizer)
        else:
            self.bias = None
        self.built = True

    def call(self, inputs):
        features, A = inputs
        h_graph = tf.sparse.sparse_dense_matmul(A, features) if isinstance(A, tf.SparseTensor) else tf.matmul(A, features)
        output = tf.matmul(h_graph, self.kernel)
        if self.bias is not None:
            output += self.bias
        return self.activation(output)


def build_gcn(n_features, n_classes, hidden=16, dropout=0.5, weight_decay=5e-4):
    x_in = Input(shape=(n_features,))
    a_in = Input(shape=(None,), sparse=True)
    h = Dropout(dropout)(x_in)
    h = GraphConvolution(hidden, activation="relu", kernel_regularizer=regularizers.l2(weight_decay))([h, a_in])
    h = Dropout(dropout)(h)
    out = GraphConvolution(n_classes, activation="softmax")([h, a_in])
    return tf.keras.Model(inputs=[x_in, a_in], outputs=out)
