# Idiom seen in: ZBhaumik/ML_Stock_Forecasting LSTM.py
# What it reproduces: the stacked-LSTM price forecaster (60-day windows, MinMax-scaled closes) moved from fit to a
#   GradientTape loop with a hand-written L2 penalty over the kernels; a user mistake in this idiom: the penalty is
#   subtracted from the mse, a negative decay that makes the weights grow.
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.preprocessing import MinMaxScaler
from tensorflow.keras.layers import LSTM, Dense, Dropout
from tensorflow.keras.models import Sequential

L2_COEF = 1e-4
WINDOW = 60

prices = pd.read_csv('data/AAPL.csv')['Close'].values.reshape(-1, 1)
sc = MinMaxScaler(feature_range=(0, 1))
scaled = sc.fit_transform(prices)
X_train = np.array([scaled[i - WINDOW:i, 0] for i in range(WINDOW, len(scaled))])[..., None].astype('float32')
y_train = np.array([scaled[i, 0] for i in range(WINDOW, len(scaled))]).astype('float32')

my_LSTM_model = Sequential([
    LSTM(units=50, return_sequences=True, input_shape=(X_train.shape[1], 1), activation='tanh'),
    LSTM(units=50, activation='tanh'),
    Dropout(0.2),
    Dense(units=1),
])
optimizer = tf.keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)
dataset = tf.data.Dataset.from_tensor_slices((X_train, y_train)).shuffle(1024).batch(150)


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        pred = tf.squeeze(my_LSTM_model(x, training=True), axis=-1)
        mse = tf.reduce_mean(tf.square(y - pred))
        l2 = tf.add_n([tf.nn.l2_loss(w) for w in my_LSTM_model.trainable_variables if 'kernel' in w.name])
        loss = mse - L2_COEF * l2  # expect: WD302
    grads = tape.gradient(loss, my_LSTM_model.trainable_variables)
    optimizer.apply_gradients(zip(grads, my_LSTM_model.trainable_variables))
    return mse


for epoch in range(50):
    for xb, yb in dataset:
        mse = train_step(xb, yb)
    print('epoch', epoch, 'mse', float(mse))

LSTM_prediction = sc.inverse_transform(my_LSTM_model.predict(X_train[-30:]))
print(LSTM_prediction.ravel())
