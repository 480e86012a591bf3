# Idiom seen in: Changyu-Guo/Transformer-With-TensorFlow2 layers/transformer_layers/encoder_layer.py
# Idiom seen in: Changyu-Guo/Transformer-With-TensorFlow2 layers/transformer_layers/encoder_stack.py
# What it reproduces: encoder layer/stack that take kernel_regularizer=None, run it through
#   tf.keras.regularizers.get and hand it to their Dense/attention sublayers; train.py builds the stack with an
#   l2 regularizer and trains it in a custom loop.
import tensorflow as tf


class EncoderLayer(tf.keras.layers.Layer):
    def __init__(self, num_heads, hidden_size, inner_size, dropout_rate=0.1,
                 kernel_regularizer=None, **kwargs):
        super(EncoderLayer, self).__init__(**kwargs)
        self._kernel_regularizer = tf.keras.regularizers.get(kernel_regularizer)
        self.attention = tf.keras.layers.MultiHeadAttention(
            num_heads=num_heads, key_dim=hidden_size // num_heads,
            kernel_regularizer=self._kernel_regularizer)
        self.attention_norm = tf.keras.layers.LayerNormalization(epsilon=1e-6)
        self.inner = tf.keras.layers.Dense(inner_size, activation='relu',
                                           kernel_regularizer=self._kernel_regularizer)
        self.outer = tf.keras.layers.Dense(hidden_size, kernel_regularizer=self._kernel_regularizer)
        self.output_norm = tf.keras.layers.LayerNormalization(epsilon=1e-6)
        self.dropout = tf.keras.layers.Dropout(dropout_rate)

    def call(self, inputs, attention_mask=None, training=None):
        attn = self.attention(inputs, inputs, attention_mask=attention_mask, training=training)
        x = self.attention_norm(inputs + self.dropout(attn, training=training))
        ffn = self.outer(self.inner(x))
        return self.output_norm(x + self.dropout(ffn, training=training))


class EncoderStack(tf.keras.layers.Layer):
    def __init__(self, num_layers, num_heads, hidden_size, inner_size, kernel_regularizer=None, **kwargs):
        super(EncoderStack, self).__init__(**kwargs)
        self._kernel_regularizer = tf.keras.regularizers.get(kernel_regularizer)
        self.layers_ = [EncoderLayer(num_heads, hidden_size, inner_size,
                                     kernel_regularizer=self._kernel_regularizer)
                        for _ in range(num_layers)]

    def call(self, inputs, attention_mask=None, training=None):
        x = inputs
        for layer in self.layers_:
            x = layer(x, attention_mask=attention_mask, training=training)
        return x
