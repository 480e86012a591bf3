# Idiom seen in: Max1993Liu/tensorflow2-models NLP/Transformer/transformer_model.py
# What it reproduces: the repository's PrePostProcessingWrapper/EncoderStack layout (LayerNormalization + residual);
#   realistic mistake: the feed-forward Dense layers keep kernel_regularizer=l2 while training with keras AdamW(weight_decay):
#   the kernels are decayed twice, and AdamW (no exclude_from_weight_decay) also decays biases and LayerNorm gamma/beta.
import tensorflow as tf


class FeedForwardNetwork(tf.keras.layers.Layer):
    def __init__(self, hidden_size, filter_size, relu_dropout, l2=1e-4):
        super().__init__()
        self.filter_dense = tf.keras.layers.Dense(filter_size, activation="relu",
                                                  kernel_regularizer=tf.keras.regularizers.l2(l2))  # expect: WD201
        self.output_dense = tf.keras.layers.Dense(hidden_size,
                                                  kernel_regularizer=tf.keras.regularizers.l2(l2))  # expect: WD201
        self.relu_dropout = relu_dropout

    def call(self, x, training=False):
        y = self.filter_dense(x)
        if training:
            y = tf.nn.dropout(y, rate=self.relu_dropout)
        return self.output_dense(y)


class PrePostProcessingWrapper(tf.keras.layers.Layer):
    def __init__(self, layer, params):
        super().__init__()
        self.layer = layer
        self.postprocess_dropout = params["layer_postprocess_dropout"]
        self.layer_norm = tf.keras.layers.LayerNormalization(epsilon=1e-6)

    def call(self, x, training=False):
        y = self.layer(self.layer_norm(x), training=training)
        if training:
            y = tf.nn.dropout(y, rate=self.postprocess_dropout)
        return x + y


class EncoderClassifier(tf.keras.Model):
    def __init__(self, params):
        super().__init__()
        self.embedding = tf.keras.layers.Embedding(params["vocab_size"], params["hidden_size"])
        self.attn = [PrePostProcessingWrapper(
            tf.keras.layers.MultiHeadAttention(params["num_heads"], params["hidden_size"] // params["num_heads"]),
            params) for _ in range(params["num_hidden_layers"])]
        self.ffn = [PrePostProcessingWrapper(
            FeedForwardNetwork(params["hidden_size"], params["filter_size"], params["relu_dropout"]),
            params) for _ in range(params["num_hidden_layers"])]
        self.output_normalization = tf.keras.layers.LayerNormalization(epsilon=1e-6)
        self.classifier = tf.keras.layers.Dense(params["num_classes"])

    def call(self, inputs, training=False):
        x = self.embedding(inputs)
        for attn, ffn in zip(self.attn, self.ffn):
            x = attn.layer_norm(x)
            x = x + attn.layer(x, x, training=training)
            x = ffn(x, training=training)
        x = self.output_normalization(x)
        return self.classifier(tf.reduce_mean(x, axis=1))
