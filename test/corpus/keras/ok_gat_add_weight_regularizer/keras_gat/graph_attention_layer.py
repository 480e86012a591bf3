# Idiom seen in: danielegrattarola/keras-gat keras_gat/graph_attention_layer.py
# What it reproduces: a custom Keras layer that stores regularizers.get(...) for its kernels and attention
#   kernels and hands them to add_weight(..., regularizer=...) in build(), one set of weights per head.
#   The weight regularizers therefore land in model.losses, which compile()+fit() add to the loss.
# label-note: clean; biases are created with bias_regularizer, which the example leaves at None.
from tensorflow.keras import activations, constraints, initializers, regularizers
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Dropout, LeakyReLU, Layer


class GraphAttention(Layer):
    def __init__(self, F_, attn_heads=1, attn_heads_reduction='concat', dropout_rate=0.5, activation='relu',
                 use_bias=True, kernel_regularizer=None, bias_regularizer=None, attn_kernel_regularizer=None,
                 **kwargs):
        self.F_ = F_
        self.attn_heads = attn_heads
        self.attn_heads_reduction = attn_heads_reduction
        self.dropout_rate = dropout_rate
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.attn_kernel_regularizer = regularizers.get(attn_kernel_regularizer)
        self.kernels, self.biases, self.attn_kernels = [], [], []
        super(GraphAttention, self).__init__(**kwargs)

    def build(self, input_shape):
        F = input_shape[0][-1]
        for head in range(self.attn_heads):
            self.kernels.append(self.add_weight(shape=(F, self.F_), initializer='glorot_uniform',
                                                regularizer=self.kernel_regularizer, name='kernel_{}'.format(head)))
            if self.use_bias:
                self.biases.append(self.add_weight(shape=(self.F_,), initializer='zeros',
                                                   regularizer=self.bias_regularizer, name='bias_{}'.format(head)))
            attn_self = self.add_weight(shape=(self.F_, 1), initializer='glorot_uniform',
                                        regularizer=self.attn_kernel_regularizer, name='attn_self_{}'.format(head))
            attn_neighs = self.add_weight(shape=(self.F_, 1), initializer='glorot_uniform',
                                          regularizer=self.attn_kernel_regularizer, name='attn_neigh_{}'.format(head))
            self.attn_kernels.append([attn_self, attn_neighs])
        self.built = True

    def call(self, inputs):
        X, A = inputs
        outputs = []
        for head in range(self.attn_heads):
            features = K.dot(X, self.kernels[head])
            dense = K.dot(features, self.attn_kernels[head][0]) + K.transpose(K.dot(features, self.attn_kernels[head][1]))
            dense = LeakyReLU(alpha=0.2)(dense)
            dense += -10e9 * (1.0 - A)
            dense = Dropout(self.dropout_rate)(K.softmax(dense))
            node_features = K.dot(dense, Dropout(self.dropout_rate)(features))
            if self.use_bias:
                node_features = K.bias_add(node_features, self.biases[head])
            outputs.append(node_features)
        if self.attn_heads_reduction == 'concat':
            output = K.concatenate(outputs)
        else:
            output = K.mean(K.stack(outputs), axis=0)
        return self.activation(output)

    def compute_output_shape(self, input_shape):
        width = self.F_ * self.attn_heads if self.attn_heads_reduction == 'concat' else self.F_
        return input_shape[0][0], width
