# Idiom seen in: keras-team/keras-io examples/keras_recipes/parameter_efficient_finetuning_of_gemma_with_lora_and_qlora.py
# What it reproduces: Keras 3 on the JAX backend, keras.optimizers.AdamW(weight_decay=0.01) with
#   optimizer.exclude_from_weight_decay(var_names=[...]) for biases and normalization parameters,
#   compile + fit; no kernel regularizers, so the decoupled AdamW decay is the only decay.
# label-note: clean. Decoupled decay (no WD202), biases and LayerNorm gamma/beta excluded (no WD203),
#   no explicit L2 or regularizer on top (no WD201).
import os

os.environ["KERAS_BACKEND"] = "jax"

import keras
from keras import layers

from data import load_text_classification


def build_classifier(vocab_size, seq_len, num_classes, d_model=128, num_heads=4):
    inputs = keras.Input(shape=(seq_len,), dtype="int32")
    x = layers.Embedding(vocab_size, d_model)(inputs)
    attn = layers.MultiHeadAttention(num_heads=num_heads, key_dim=d_model // num_heads)(x, x)
    x = layers.LayerNormalization(epsilon=1e-6)(x + attn)
    ff = layers.Dense(4 * d_model, activation="gelu")(x)
    ff = layers.Dense(d_model)(ff)
    x = layers.LayerNormalization(epsilon=1e-6)(x + ff)
    x = layers.GlobalAveragePooling1D()(x)
    outputs = layers.Dense(num_classes)(x)
    return keras.Model(inputs, outputs)


def main():
    train_ds, val_ds, info = load_text_classification(batch_size=32)
    model = build_classifier(info["vocab_size"], info["seq_len"], info["num_classes"])

    optimizer = keras.optimizers.AdamW(
        learning_rate=5e-5,
        weight_decay=0.01,
    )
    # Exclude layernorm and bias terms from decay.
    optimizer.exclude_from_weight_decay(var_names=["bias", "gamma", "beta"])

    model.compile(
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        optimizer=optimizer,
        weighted_metrics=[keras.metrics.SparseCategoricalAccuracy()],
    )
    model.fit(train_ds, validation_data=val_ds, epochs=3)


if __name__ == "__main__":
    main()
