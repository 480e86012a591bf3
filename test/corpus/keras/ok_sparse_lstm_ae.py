# Idiom seen in: takanyanta/Sparse-LSTM-Autoencoder-Implementation Sparse_LSTM_autoencoder.ipynb (MyLayer, Sparse_LSTM)
# What it reproduces: sparse LSTM encoder-decoder for time-series anomaly detection: a custom layer creates its
#   gate weights with self.add_weight(..., regularizer=l1(0.001)) in build(); the Sequential model is compiled
#   and trained with fit(), which adds the layer's regularization loss. Clean.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense, Flatten, LSTM, RepeatVector, Reshape, TimeDistributed
from tensorflow.keras.models import Sequential


class MyLayer(tf.keras.layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.units = units

    def build(self, input_shape):
        self.kernel = self.add_weight(
            "kernel", shape=[1, self.units],
            initializer='uniform', trainable=True,
            regularizer=tf.keras.regularizers.l1(0.001))

    def call(self, input):
        return tf.nn.relu(input * self.kernel)


def Sparse_LSTM(X, hidden=5):
    timesteps, num_features = X.shape[1], X.shape[2]
    model = Sequential([
        Flatten(input_shape=(timesteps, num_features)),
        MyLayer(timesteps * num_features),
        Reshape(target_shape=(timesteps, num_features)),
        LSTM(hidden, input_shape=(timesteps, num_features)),
        RepeatVector(timesteps),
        LSTM(hidden, return_sequences=True),
        TimeDistributed(Dense(num_features)),
    ])
    model.compile(loss="mse", optimizer='adam')
    model.summary()
    return model


def make_windows(series, window):
    return np.stack([series[i:i + window] for i in range(len(series) - window + 1)])


def make_sine_data(n=3000, n_features=5, noise=0.05, seed=0):
    rng = np.random.RandomState(seed)
    t = np.arange(n)
    base = np.stack([np.sin(2 * np.pi * t / (50 + 10 * k)) for k in range(n_features)], axis=1)
    return base + noise * rng.randn(n, n_features)


if __name__ == '__main__':
    window = 20
    train = make_windows(make_sine_data(), window)
    test_series = make_sine_data(seed=1)
    test_series[1500:1550, 2] += 1.5  # injected anomaly
    test = make_windows(test_series, window)

    model = Sparse_LSTM(train)
    history = model.fit(train, train, epochs=50, batch_size=64, validation_split=0.1, shuffle=True, verbose=2)

    recon = model.predict(test)
    score = np.mean(np.abs(recon - test), axis=(1, 2))
    threshold = np.mean(score) + 3 * np.std(score)
    print("anomalous windows:", np.where(score > threshold)[0][:20])
    print("sparse input weights:", np.round(model.layers[1].get_weights()[0].reshape(window, -1).mean(0), 3))
