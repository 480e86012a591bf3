# Idiom seen in: cttmayi/AIDemo fine-tune/basic/keras/demo_low_level.py
# What it reproduces: Keras 3 on the torch backend, a CustomModel overriding train_step with
#   zero_grad / loss.backward() / optimizer.apply, where the loss is self.loss_fn(y, y_pred) (a loss
#   object held by the model) instead of self.compute_loss(...); the functional model built by the
#   factory has kernel_regularizer l2 on its hidden Dense layers, whose penalties (self.losses) are
#   never added, so fit() trains without them.
# label-note: WD103 on the kernel_regularizer argument (one line, inside the factory loop).
#   compile(optimizer="adam") has no weight_decay, so no WD202.
import os

os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch
from keras import layers, regularizers

from data import load_regression_arrays


class CustomModel(keras.Model):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.loss_tracker = keras.metrics.Mean(name="loss")
        self.mae_metric = keras.metrics.MeanAbsoluteError(name="mae")
        self.loss_fn = keras.losses.MeanSquaredError()

    def train_step(self, data):
        x, y = data
        self.zero_grad()
        y_pred = self(x, training=True)
        loss = self.loss_fn(y, y_pred)
        loss.backward()

        trainable_weights = [v for v in self.trainable_weights]
        gradients = [v.value.grad for v in trainable_weights]
        with torch.no_grad():
            self.optimizer.apply(gradients, trainable_weights)

        self.loss_tracker.update_state(loss)
        self.mae_metric.update_state(y, y_pred)
        return {"loss": self.loss_tracker.result(), "mae": self.mae_metric.result()}

    @property
    def metrics(self):
        return [self.loss_tracker, self.mae_metric]


def build_model(input_dim, hidden=(64, 64), l2=1e-4):
    inputs = keras.Input(shape=(input_dim,))
    x = inputs
    for units in hidden:
        x = layers.Dense(
            units,
            activation="relu",
            kernel_regularizer=regularizers.l2(l2),  # expect: WD103
        )(x)
    outputs = layers.Dense(1)(x)
    return CustomModel(inputs, outputs)


if __name__ == "__main__":
    x_train, y_train = load_regression_arrays("train")
    model = build_model(x_train.shape[1])
    model.compile(optimizer="adam")
    model.fit(x_train, y_train, epochs=20, batch_size=64)
