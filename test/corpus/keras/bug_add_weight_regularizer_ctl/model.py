# Idiom seen in: oblivisheee/novelsdreamer-ru-t4m-train-example modules/transformer_custom.py
# What it reproduces: a subclassed model whose feed-forward blocks use the regularized custom layer.
# label-note: no label here; the regularizer lives in regularization.py.
import tensorflow as tf
from tensorflow.keras import layers

from regularization import RegularizedDenseLayer


class FeedForward(layers.Layer):
    def __init__(self, d_model, dff, l2=0.001, rate=0.1):
        super().__init__()
        self.up = RegularizedDenseLayer(dff, l1=0.0, l2=l2)
        self.down = RegularizedDenseLayer(d_model, l1=0.0, l2=l2)
        self.norm = layers.LayerNormalization(epsilon=1e-6)
        self.drop = layers.Dropout(rate)

    def call(self, x, training=False):
        h = self.down(tf.nn.relu(self.up(x)))
        return self.norm(x + self.drop(h, training=training))


class TextClassifier(tf.keras.Model):
    def __init__(self, vocab_size, d_model, dff, num_layers, num_classes, l2=0.001):
        super().__init__()
        self.embedding = layers.Embedding(vocab_size, d_model)
        self.blocks = [FeedForward(d_model, dff, l2) for _ in range(num_layers)]
        self.pool = layers.GlobalAveragePooling1D()
        self.head = layers.Dense(num_classes)

    def call(self, tokens, training=False):
        x = self.embedding(tokens)
        for block in self.blocks:
            x = block(x, training=training)
        return self.head(self.pool(x))
