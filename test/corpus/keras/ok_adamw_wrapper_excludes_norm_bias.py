# Idiom seen in: repository not resolved by the code index (code-search hit: `class AdamW(
#   tf.keras.optimizers.experimental.AdamW)`, a wrapper whose exclude_from_weight_decay defaults to
#   ["LayerNorm", "layer_norm", "bias"]; the text classifier around it is written here)
# What it reproduces: decoupled AdamW built through a project wrapper that registers the exclusion list
#   with exclude_from_weight_decay(var_names=...), used by a small Transformer text classifier in fit().
# label-note: clean: AdamW is decoupled (no WD202), biases and LayerNormalization gamma/beta
#   ("layer_normalization/...") are excluded (no WD203), no layer has a regularizer (no WD201),
#   lr*wd = 3e-5 * 0.01.
from typing import List, Union

import tensorflow as tf

from text_data import load_imdb, VOCAB_SIZE, MAX_LEN


class AdamW(tf.keras.optimizers.experimental.AdamW):
    def __init__(self, learning_rate: Union[float, tf.keras.optimizers.schedules.LearningRateSchedule],
                 weight_decay: float = 0.01, epsilon: float = 1e-8,
                 exclude_from_weight_decay: List[str] = ["LayerNorm", "layer_norm", "bias"], **kwargs):
        super().__init__(learning_rate=learning_rate, weight_decay=weight_decay,
                         epsilon=epsilon, **kwargs)
        self.exclude_from_weight_decay(var_names=exclude_from_weight_decay)


def transformer_block(x, embed_dim, num_heads, ff_dim, rate=0.1):
    attn = tf.keras.layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim)(x, x)
    attn = tf.keras.layers.Dropout(rate)(attn)
    x = tf.keras.layers.LayerNormalization(epsilon=1e-6)(x + attn)
    ff = tf.keras.layers.Dense(ff_dim, activation="relu")(x)
    ff = tf.keras.layers.Dense(embed_dim)(ff)
    ff = tf.keras.layers.Dropout(rate)(ff)
    return tf.keras.layers.LayerNormalization(epsilon=1e-6)(x + ff)


def build_classifier(embed_dim=64, num_heads=2, ff_dim=64):
    inputs = tf.keras.Input(shape=(MAX_LEN,))
    x = tf.keras.layers.Embedding(VOCAB_SIZE, embed_dim)(inputs)
    x = transformer_block(x, embed_dim, num_heads, ff_dim)
    x = tf.keras.layers.GlobalAveragePooling1D()(x)
    x = tf.keras.layers.Dropout(0.1)(x)
    outputs = tf.keras.layers.Dense(2, activation="softmax")(x)
    return tf.keras.Model(inputs, outputs)


if __name__ == "__main__":
    (x_train, y_train), (x_val, y_val) = load_imdb()
    epochs, batch_size = 3, 32
    total_steps = epochs * (len(x_train) // batch_size)
    schedule = tf.keras.optimizers.schedules.PolynomialDecay(3e-5, total_steps, end_learning_rate=0.0)
    model = build_classifier()
    model.compile(optimizer=AdamW(learning_rate=schedule, weight_decay=0.01),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x_train, y_train, batch_size=batch_size, epochs=epochs, validation_data=(x_val, y_val))
