# Idiom seen in: ax-va/TensorFlow2-Keras-Deep-Learning-Umberto-Michelucci-2022 utils/feed_forward.py
# What it reproduces: Sequential variant of the feed-forward builder: regularizer and optimizer come from the
#   caller, the model is compiled and trained with fit (which adds the l2 terms). Clean.
from tensorflow import keras
from keras import layers


def build_keras_sequential(num_inputs, structure="4-3-2-1", hidden_activation="relu",
                           output_activation=None, initializer="glorot_uniform",
                           regularizer=None, optimizer=None, loss="mse", metrics=("mse",)):
    model = keras.Sequential()
    neurons_per_layer = [int(num_str) for num_str in structure.split("-")]
    model.add(layers.Dense(neurons_per_layer[0], input_dim=num_inputs,
                           activation=hidden_activation, kernel_initializer=initializer,
                           kernel_regularizer=regularizer))
    for num_neurons in neurons_per_layer[1:-1]:
        model.add(layers.Dense(num_neurons, activation=hidden_activation,
                               kernel_initializer=initializer, kernel_regularizer=regularizer))
    model.add(layers.Dense(neurons_per_layer[-1], activation=output_activation))
    model.compile(loss=loss, optimizer=optimizer, metrics=list(metrics))
    return model
