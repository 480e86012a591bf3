# Idiom seen in: ax-va/TensorFlow2-Keras-Deep-Learning-Umberto-Michelucci-2022 utils/feed_forward.py
# What it reproduces: builder of a feed-forward Keras model from a "20-20-1" structure string that takes its
#   regularizer and optimizer from the caller and compiles the model.
import time

import pandas as pd
import tensorflow as tf
from tensorflow import keras
from keras import layers


def build_keras_model(
        num_inputs,
        structure="4-3-2-1",
        hidden_activation="relu",
        output_activation=None,
        initializer="glorot_uniform",
        regularizer=None,
        optimizer=None,
        loss="mse",
        metrics=("mse",),
        model_name="feed-forward-model"):
    inputs = keras.Input(shape=num_inputs)
    layer = inputs
    neurons_per_layer = [int(num_str) for num_str in structure.split("-")]
    for num_neurons in neurons_per_layer[:-1]:
        layer = layers.Dense(
            num_neurons,
            activation=hidden_activation,
            kernel_initializer=initializer,
            kernel_regularizer=regularizer
        )(layer)
    outputs = layers.Dense(neurons_per_layer[-1], activation=output_activation)(layer)
    model = keras.Model(inputs=inputs, outputs=outputs, name=model_name)
    model.compile(loss=loss, optimizer=optimizer or keras.optimizers.Adam(1e-3), metrics=list(metrics))
    return model


def fit_model(model, features, target, features_dev, target_dev, batch_size, num_epochs):
    start = time.time()
    history = model.fit(features, target, epochs=num_epochs, batch_size=batch_size,
                        validation_data=(features_dev, target_dev), verbose=0)
    return pd.DataFrame(history.history), (time.time() - start) / 60
