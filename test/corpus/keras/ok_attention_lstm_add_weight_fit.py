# Idiom seen in: gogeorge/ml-trading-bot attention.py
# What it reproduces: custom Keras Attention layer whose build() calls add_weight(..., regularizer=self.regularization)
#   for its kernel and bias, inside an LSTM price model compiled and trained with model.fit: the add_weight
#   regularizers land in model.losses and fit adds them (clean).
import argparse

import numpy as np
from keras import backend as K
from keras.layers import Layer, Input, LSTM, Dense, Flatten, Dropout
from keras.models import Model
from keras.optimizers import Adam
from keras.regularizers import l2

from market_data import load_windows


class Attention(Layer):
    def __init__(self, neurons, regularization=None, **kwargs):
        self.neurons = neurons
        self.regularization = regularization
        super(Attention, self).__init__(**kwargs)

    def build(self, input_shape):
        self.W = self.add_weight(name='attention_weight', shape=(input_shape[-1], self.neurons),
                                 initializer='random_normal', regularizer=self.regularization, trainable=True)
        self.b = self.add_weight(name='attention_bias', shape=(self.neurons,),
                                 initializer='zeros', regularizer=self.regularization, trainable=True)
        super(Attention, self).build(input_shape)

    def call(self, x):
        e = K.relu(K.dot(x, self.W) + self.b)
        alpha = K.softmax(e)
        return x * alpha

    def compute_output_shape(self, input_shape):
        return input_shape


def build_model(window, n_features, l2_reg):
    inp = Input(shape=(window, n_features))
    x = LSTM(64, return_sequences=True)(inp)
    x = Attention(64, regularization=l2(l2_reg))(x)
    x = Flatten()(x)
    x = Dropout(0.2)(x)
    out = Dense(1, activation='linear')(x)
    model = Model(inp, out)
    model.compile(optimizer=Adam(lr=1e-3), loss='mse')
    return model


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--ticker', default='BTC-USD')
    parser.add_argument('--window', type=int, default=30)
    parser.add_argument('--l2', type=float, default=1e-4)
    args = parser.parse_args()
    x_train, y_train, x_val, y_val = load_windows(args.ticker, args.window)
    model = build_model(args.window, x_train.shape[-1], args.l2)
    model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=50, batch_size=32)
    print(np.mean(np.abs(model.predict(x_val).ravel() - y_val)))
