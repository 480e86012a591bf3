# Idiom seen in: jcisarano/tensorflow_practice handson/11_training_deep_nn/regularization.py
# What it reproduces: Geron's functools.partial(Dense, kernel_regularizer=l2(0.01)) on Fashion-MNIST, compiled with
#   Nadam and trained with model.fit, which adds the layers' regularization losses itself. Clean.
from functools import partial

import numpy as np
import tensorflow as tf
from tensorflow import keras

from helper_functions import load_data


def fit_with_partial(X_train, y_train, X_valid, y_valid, n_epochs=2):
    RegularizedDense = partial(keras.layers.Dense,
                               activation="elu",
                               kernel_initializer="he_normal",
                               kernel_regularizer=keras.regularizers.l2(0.01))
    model = keras.models.Sequential([
        keras.layers.Flatten(input_shape=[28, 28]),
        RegularizedDense(300),
        RegularizedDense(100),
        RegularizedDense(10, activation="softmax"),
    ])
    model.compile(loss="sparse_categorical_crossentropy", optimizer="nadam", metrics=["accuracy"])
    return model.fit(X_train, y_train, epochs=n_epochs, validation_data=(X_valid, y_valid))


def run():
    np.random.seed(42)
    tf.random.set_seed(42)
    X_train, X_valid, X_test, y_train, y_valid, y_test = load_data()
    means = X_train.mean(axis=0, keepdims=True)
    stds = X_train.std(axis=0, keepdims=True)
    fit_with_partial((X_train - means) / stds, y_train, (X_valid - means) / stds, y_valid)


if __name__ == "__main__":
    run()
