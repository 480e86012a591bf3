# Idiom seen in: TristanLee187/Trading_Model model.py
# What it reproduces: Keras 3 custom layers (LSTM positional encoder, MultiHeadAttention, mixture of
#   experts) whose sublayers are created in build() with l2(REG_FACTOR) kernel/recurrent/bias regularizers,
#   plus a functional model; trained with compile()/fit(), which adds model.losses itself. Clean.
import tensorflow as tf
from keras import Model
from keras.api.layers import (LSTM, Add, Concatenate, Dense, Input, Layer, LayerNormalization,
                              MultiHeadAttention, Permute)
from keras.api.regularizers import l2

REG_FACTOR = 1e-2
DROPOUT_FACTOR = 0.2


def custom_categorical_crossentropy(y_true, y_pred):
    # weights[i][j]: penalty when the truth is i (sell/hold/buy) and the prediction is j
    weights = tf.constant([[0.0, 5.0, 15.0], [2.0, 0.0, 2.0], [10.0, 3.0, 0.0]])
    y_pred = tf.clip_by_value(y_pred, 1e-7, 1.0)
    ce_loss = -tf.reduce_sum(y_true * tf.math.log(y_pred), axis=-1)
    weights_tensor = tf.reduce_sum(tf.expand_dims(weights, axis=0) * tf.expand_dims(y_true, axis=-1), axis=-2)
    return ce_loss * tf.reduce_sum(weights_tensor, axis=-1)


class Expert(Layer):
    def __init__(self, dim_1, dim_2, **kwargs):
        super().__init__(**kwargs)
        self.dim_1 = dim_1
        self.dim_2 = dim_2

    def build(self, input_shape):
        self.dense_1 = Dense(self.dim_1, activation='gelu',
                             kernel_regularizer=l2(REG_FACTOR), bias_regularizer=l2(REG_FACTOR))
        self.dense_2 = Dense(self.dim_2, activation='gelu',
                             kernel_regularizer=l2(REG_FACTOR), bias_regularizer=l2(REG_FACTOR))

    def call(self, inputs):
        return self.dense_2(self.dense_1(inputs))


class MoETopKLayer(Layer):
    def __init__(self, num_experts, dim_1, dim_2, top_k, **kwargs):
        super().__init__(**kwargs)
        self.num_experts = num_experts
        self.dim_1 = dim_1
        self.dim_2 = dim_2
        self.top_k = top_k

    def build(self, input_shape):
        self.experts = [Expert(self.dim_1, self.dim_2) for _ in range(self.num_experts)]
        self.gating_network = Dense(self.num_experts, activation='softmax')

    def call(self, inputs):
        gate_outputs = self.gating_network(tf.reduce_mean(inputs, axis=1))
        _, top_k_indices = tf.nn.top_k(gate_outputs, k=self.top_k)
        mask = tf.reduce_sum(tf.one_hot(top_k_indices, depth=self.num_experts), axis=-2)
        gated = gate_outputs * mask
        gated /= tf.reduce_sum(gated, axis=-1, keepdims=True) + 1e-9
        gated = tf.expand_dims(tf.expand_dims(gated, axis=1), axis=1)
        expert_outputs = tf.stack([expert(inputs) for expert in self.experts], axis=-1)
        return tf.reduce_sum(expert_outputs * gated, axis=-1)


class TransformerBlock(Layer):
    def __init__(self, num_heads, key_dim, ff_dim_1, ff_dim_2, **kwargs):
        super().__init__(**kwargs)
        self.num_heads = num_heads
        self.key_dim = key_dim
        self.ff_dim_1 = ff_dim_1
        self.ff_dim_2 = ff_dim_2

    def build(self, input_shape):
        self.position_encoder = LSTM(units=input_shape[2], return_sequences=True,
                                     kernel_regularizer=l2(REG_FACTOR),
                                     recurrent_regularizer=l2(REG_FACTOR),
                                     bias_regularizer=l2(REG_FACTOR))
        self.attn_layer = MultiHeadAttention(num_heads=self.num_heads, key_dim=self.key_dim,
                                             dropout=DROPOUT_FACTOR,
                                             kernel_regularizer=l2(REG_FACTOR),
                                             bias_regularizer=l2(REG_FACTOR))
        self.mixture_of_experts = MoETopKLayer(num_experts=5, dim_1=self.ff_dim_1, dim_2=self.ff_dim_2, top_k=2)
        self.add_1, self.add_2, self.add_3 = Add(), Add(), Add()
        self.layernorm_1 = LayerNormalization(epsilon=1e-8)
        self.layernorm_2 = LayerNormalization(epsilon=1e-8)

    def call(self, inputs):
        x = self.add_1([inputs, self.position_encoder(inputs)])
        x = self.layernorm_1(self.add_2([x, self.attn_layer(x, x)]))
        return self.layernorm_2(self.add_3([x, self.mixture_of_experts(x)]))


def get_transformer_model(shape, meta_dim, label):
    seq_input_layer = Input(shape=shape, name='x_seq')
    meta_input_layer = Input(shape=meta_dim, name='x_meta')
    x = seq_input_layer
    for _ in range(4):
        x = TransformerBlock(num_heads=2, key_dim=8, ff_dim_1=shape[1], ff_dim_2=shape[1])(x)
    f = Permute((2, 1))(seq_input_layer)
    for _ in range(4):
        f = TransformerBlock(num_heads=2, key_dim=8, ff_dim_1=shape[0], ff_dim_2=shape[0])(f)
    stack = Add()([x, Permute((2, 1))(f)])
    pooled = LSTM(units=shape[1], kernel_regularizer=l2(REG_FACTOR), recurrent_regularizer=l2(REG_FACTOR),
                  bias_regularizer=l2(REG_FACTOR))(stack)
    flat = Concatenate()([pooled, meta_input_layer])
    d1 = Dense(units=64, activation='gelu', kernel_regularizer=l2(REG_FACTOR), bias_regularizer=l2(REG_FACTOR))(flat)
    d2 = Dense(units=32, activation='gelu', kernel_regularizer=l2(REG_FACTOR), bias_regularizer=l2(REG_FACTOR))(d1)
    if label == 'price':
        output_layer = Dense(units=1)(d2)
    else:
        output_layer = Dense(units=3, activation='softmax', name='y')(d2)
    return Model(inputs=[seq_input_layer, meta_input_layer], outputs=output_layer)


CUSTOM_OBJECTS = {
    'custom_categorical_crossentropy': custom_categorical_crossentropy,
    'Expert': Expert,
    'MoETopKLayer': MoETopKLayer,
    'TransformerBlock': TransformerBlock,
}
