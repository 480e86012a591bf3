# Idiom seen in: JeffOfTheSixPaths/RowdyStocks add_regularization.py
# What it reproduces: a Kaggle-style notebook script: FFT features of hourly prices, a functional Dense/Attention model whose
#   last hidden Dense has kernel_regularizer=L2(0.5), compiled with Adam and trained with model.fit (fit adds model.losses;
#   the strong factor is a modelling choice, not a dead or broken decay): clean.
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf
import yfinance as yf
from tensorflow.keras.layers import Attention, Dense, Dropout, Flatten, Input
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import L2

num_hours = 200
smoothing_factor = 7
prices, targets = [], []


def get_data(ticker):
    hist = yf.Ticker(ticker).history(period='2y', interval='1h')['Open']
    smoothed = hist.rolling(smoothing_factor).mean().dropna()
    for i in range(smoothed.shape[0] - num_hours - 1):
        prices.append(smoothed.iloc[i:i + num_hours].to_list())
        targets.append(smoothed.iloc[i + num_hours])


def fft_mapping(window):
    f = np.fft.fft(np.array(window))
    return np.array([np.real(f), np.imag(f)])


for company in ['msft', 'aapl', 'intc', 'nvda', 'amd', 'GOOG', 'META']:
    get_data(company)

features = np.array(list(map(fft_mapping, prices))).reshape(-1, 2, num_hours)
labels = np.array(targets).astype(np.float32)

input1 = Input(shape=(2, num_hours), name='Input')
x = Dense(64, activation='relu')(input1)
x = Dense(64, activation='relu')(x)
x = Dropout(0.3)(x)
x = Dense(64, activation='relu')(x)
x = Dropout(0.4)(x)
x = Dense(64, activation='relu', kernel_regularizer=L2(0.5))(x)
attention_output = Attention()([x, x])
output = Dense(1, activation='relu')(Flatten()(attention_output))

model = Model(inputs=input1, outputs=output)
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=2e-4), loss='mse', metrics=['mae'])
model.summary()

history = model.fit(features, labels, epochs=100, batch_size=64, shuffle=True,
                    validation_split=0.1, verbose=1)

plt.plot(history.history['loss'], label='train_loss')
plt.plot(history.history['val_loss'], label='val_loss')
plt.legend()
plt.show()
