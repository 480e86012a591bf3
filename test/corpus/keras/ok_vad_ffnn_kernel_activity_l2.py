# Idiom seen in: Sion1225/RoBERTa_based_VAD_Recognition_Model FFNN_VAD_model.py
# What it reproduces: a small functional FFNN whose hidden Dense has both kernel_regularizer=L2(kernel
#   lambda) and activity_regularizer=L2(activity lambda), searched over a grid and trained with
#   compile/fit (fit adds model.losses, both the weight and the activity terms): clean.
import itertools

import numpy as np
import tensorflow as tf

from load_embeddings import load_vad_split


def FFNN_VAD_model(units, kernel_l2_lambda, activity_l2_lambda, dropout_rate):
    inputs = tf.keras.layers.Input(shape=(768,))
    hidden = tf.keras.layers.Dense(
        units=units,
        kernel_regularizer=tf.keras.regularizers.L2(kernel_l2_lambda),
        activity_regularizer=tf.keras.regularizers.L2(activity_l2_lambda),
        activation="gelu",
        kernel_initializer="he_uniform",
    )(inputs)
    hidden = tf.keras.layers.Dropout(dropout_rate)(hidden)
    outputs = tf.keras.layers.Dense(3, activation="linear")(hidden)
    return tf.keras.Model(inputs=inputs, outputs=outputs)


if __name__ == "__main__":
    (x_train, y_train), (x_val, y_val) = load_vad_split()
    grid = itertools.product([256, 512], [1e-4, 1e-3], [1e-5, 1e-4], [0.1, 0.3])
    best = (np.inf, None)
    for units, k_l2, a_l2, drop in grid:
        model = FFNN_VAD_model(units, k_l2, a_l2, drop)
        model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=1e-3), loss="mse", metrics=["mae"])
        history = model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=30, batch_size=64,
                            callbacks=[tf.keras.callbacks.EarlyStopping(patience=5, restore_best_weights=True)],
                            verbose=0)
        val = min(history.history["val_loss"])
        if val < best[0]:
            best = (val, (units, k_l2, a_l2, drop))
    print("best:", best)
