# Idiom seen in: mattwagon/oil_production_prediction oil_production/ml-logic/model.py
# What it reproduces: the initialize_model / compile_model / fit_model split of a well-production forecaster: an LSTM
# with kernel_regularizer=regularizers.l1_l2(l1=0.005) (plus a small l2 on the dense head), Adam, mse, EarlyStopping.
# Clean: compile/fit adds the regularization losses.
from tensorflow.keras import models, layers, regularizers, optimizers
from tensorflow.keras.callbacks import EarlyStopping

from oil_production.ml_logic.data import load_windows


def initialize_model(X_train, y_train):
    reg = regularizers.l1_l2(l1=0.005)
    model = models.Sequential()
    model.add(layers.LSTM(8, activation='tanh', input_shape=(X_train.shape[1], X_train.shape[2]),
                          kernel_regularizer=reg))
    model.add(layers.Dropout(rate=0.1))
    model.add(layers.Dense(16, activation='relu', kernel_regularizer=regularizers.l2(1e-4)))
    model.add(layers.Dense(y_train.shape[1], activation='linear'))
    return model


def compile_model(model):
    adam = optimizers.Adam(learning_rate=0.005)
    model.compile(loss='mse', optimizer=adam, metrics=['mae'])
    return model


def fit_model(model, X_train, y_train):
    es = EarlyStopping(patience=10, restore_best_weights=True)
    history = model.fit(X_train, y_train,
                        validation_split=0.3,
                        shuffle=False,
                        batch_size=16,
                        epochs=50,
                        verbose=1,
                        callbacks=[es])
    return model, history


if __name__ == '__main__':
    X_train, y_train, X_test, y_test = load_windows(input_length=30, output_length=7)
    model = compile_model(initialize_model(X_train, y_train))
    model, history = fit_model(model, X_train, y_train)
    print(model.evaluate(X_test, y_test, verbose=0))
