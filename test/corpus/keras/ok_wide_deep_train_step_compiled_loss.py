# Idiom seen in: jianjunyue/deepplus deepnn/widedeep/WideDeepModel.py
# What it reproduces: the subclassed Wide&Deep regressor (California housing) with l2 kernel regularizers on the deep
#   layers and a train_step override that computes self.compiled_loss(y, y_pred, regularization_losses=self.losses)
#   inside the tape, so the decay terms reach the gradient although fit's default step is replaced; clean.
import tensorflow as tf
from tensorflow import keras
from sklearn.datasets import fetch_california_housing
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler


class WideDeepModel(keras.models.Model):
    def __init__(self, l2=1e-4):
        super(WideDeepModel, self).__init__()
        self.hidden1_layer = keras.layers.Dense(30, activation='relu',
                                                kernel_regularizer=keras.regularizers.l2(l2))
        self.hidden2_layer = keras.layers.Dense(30, activation='relu',
                                                kernel_regularizer=keras.regularizers.l2(l2))
        self.output_layer = keras.layers.Dense(1)

    def call(self, inputs):
        hidden1 = self.hidden1_layer(inputs)
        hidden2 = self.hidden2_layer(hidden1)
        concat = keras.layers.concatenate([inputs, hidden2])
        return self.output_layer(concat)

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


housing = fetch_california_housing()
x_train_all, x_test, y_train_all, y_test = train_test_split(housing.data, housing.target, random_state=7)
x_train, x_valid, y_train, y_valid = train_test_split(x_train_all, y_train_all, random_state=11)
scaler = StandardScaler()
x_train_scaled = scaler.fit_transform(x_train)
x_valid_scaled = scaler.transform(x_valid)
x_test_scaled = scaler.transform(x_test)

model = WideDeepModel()
model.build(input_shape=(None, 8))
model.compile(loss="mean_squared_error", optimizer=keras.optimizers.SGD(learning_rate=0.01))
callbacks = [keras.callbacks.EarlyStopping(patience=5, min_delta=1e-2)]
history = model.fit(x_train_scaled, y_train, validation_data=(x_valid_scaled, y_valid),
                    epochs=100, callbacks=callbacks)
print(model.evaluate(x_test_scaled, y_test))
