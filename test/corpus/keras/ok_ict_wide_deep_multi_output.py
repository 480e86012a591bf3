# Idiom seen in: hawk90/ict_2022_2 Lecture_code/5일차/sample/model_wideanddeep.py
# What it reproduces: the lecture's subclassed Wide&Deep model with a main and an auxiliary output (two inputs), the
#   hidden Dense layers given l2 kernel regularizers, compiled with two losses and loss_weights and trained with fit,
#   which adds model.losses to the weighted sum; clean.
from sklearn.datasets import fetch_california_housing
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
from tensorflow.keras import Model, regularizers
from tensorflow.keras.layers import Concatenate, Dense


class WideAndDeepModel(Model):
    def __init__(self, units=30, activation="relu", l2=1e-3, **kwargs):
        super().__init__(**kwargs)
        self.hidden1 = Dense(units, activation=activation, kernel_regularizer=regularizers.l2(l2))
        self.hidden2 = Dense(units, activation=activation, kernel_regularizer=regularizers.l2(l2))
        self.main_output = Dense(1)
        self.aux_output = Dense(1)

    def call(self, inputs):
        input_a, input_b = inputs
        hidden1 = self.hidden1(input_b)
        hidden2 = self.hidden2(hidden1)
        concat = Concatenate()([input_a, hidden2])
        main_output = self.main_output(concat)
        aux_output = self.aux_output(hidden2)
        return main_output, aux_output


housing = fetch_california_housing()
X_train_full, X_test, y_train_full, y_test = train_test_split(housing.data, housing.target, random_state=42)
X_train, X_valid, y_train, y_valid = train_test_split(X_train_full, y_train_full, random_state=42)
scaler = StandardScaler()
X_train = scaler.fit_transform(X_train)
X_valid = scaler.transform(X_valid)
X_test = scaler.transform(X_test)
X_train_A, X_train_B = X_train[:, :5], X_train[:, 2:]
X_valid_A, X_valid_B = X_valid[:, :5], X_valid[:, 2:]
X_test_A, X_test_B = X_test[:, :5], X_test[:, 2:]

model = WideAndDeepModel(30, activation="relu")
model.compile(loss=["mse", "mse"], loss_weights=[0.9, 0.1], optimizer=keras.optimizers.SGD(learning_rate=1e-3))
history = model.fit((X_train_A, X_train_B), (y_train, y_train), epochs=10,
                    validation_data=((X_valid_A, X_valid_B), (y_valid, y_valid)))
total_loss, main_loss, aux_loss = model.evaluate((X_test_A, X_test_B), (y_test, y_test))
print(total_loss, main_loss, aux_loss)
