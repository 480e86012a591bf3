# Idiom seen in: AlexNdungu/Tensotflow model_fitting.py (class CustomFit(keras.Model) wrapping a Sequential)
# What it reproduces: fit() is customized by wrapping the real model in CustomFit whose train_step calls
#   self.compiled_loss(y, y_pred) without regularization_losses=..., so the Dense layer's l2 never
#   reaches the gradients although fit/compile are used.
# label-note: WD103 on the only regularizer argument (the wrapped model's Dense layer).
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers
from tensorflow.keras.datasets import mnist

(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train = x_train.reshape(-1, 28, 28, 1).astype("float32") / 255.0
x_test = x_test.reshape(-1, 28, 28, 1).astype("float32") / 255.0

model = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(64, 3, padding="same"),
        layers.ReLU(),
        layers.Conv2D(128, 3, padding="same"),
        layers.ReLU(),
        layers.Flatten(),
        layers.Dense(64, activation="relu",
                     kernel_regularizer=regularizers.l2(1e-3)),  # expect: WD103
        layers.Dense(10),
    ],
    name="model",
)


class CustomFit(keras.Model):
    def __init__(self, model):
        super(CustomFit, self).__init__()
        self.model = model

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self.model(x, training=True)
            loss = self.compiled_loss(y, y_pred)

        trainable_vars = self.model.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}

    def test_step(self, data):
        x, y = data
        y_pred = self.model(x, training=False)
        self.compiled_loss(y, y_pred)
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


training = CustomFit(model)
training.compile(
    optimizer=keras.optimizers.Adam(),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)

training.fit(x_train, y_train, batch_size=32, epochs=2, verbose=2)
training.evaluate(x_test, y_test, batch_size=32, verbose=2)
