# Idiom seen in: jcisarano/tensorflow_practice handson/11_training_deep_nn/regularization.py
# What it reproduces: Geron's chapter-11 Fashion-MNIST MLP with BatchNormalization, regularized the Keras 2.11+ way with
#   SGD(weight_decay=...) instead of l2 layer regularizers; with no exclude_from_weight_decay the decoupled decay also
#   shrinks every BatchNormalization gamma/beta and the Dense biases (WD203 at weight_decay=).
import numpy as np
import tensorflow as tf
from tensorflow import keras

from helper_functions import load_data


def build_model():
    return keras.models.Sequential([
        keras.layers.Flatten(input_shape=[28, 28]),
        keras.layers.BatchNormalization(),
        keras.layers.Dense(300, kernel_initializer="he_normal"),
        keras.layers.BatchNormalization(),
        keras.layers.Activation("elu"),
        keras.layers.Dense(100, kernel_initializer="he_normal"),
        keras.layers.BatchNormalization(),
        keras.layers.Activation("elu"),
        keras.layers.Dense(10, activation="softmax"),
    ])


def run():
    np.random.seed(42)
    tf.random.set_seed(42)
    X_train, X_valid, X_test, y_train, y_valid, y_test = load_data()
    model = build_model()
    optimizer = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True,
                                     weight_decay=5e-4)  # expect: WD203
    model.compile(loss="sparse_categorical_crossentropy", optimizer=optimizer, metrics=["accuracy"])
    model.fit(X_train, y_train, epochs=10, validation_data=(X_valid, y_valid))
    model.evaluate(X_test, y_test)


if __name__ == "__main__":
    run()
