# Idiom seen in: haesemeyer/mine_pub model.py
# Idiom seen in: haesemeyer/mine_pub cnn_fit_test.py
# What it reproduces: MINE calcium-activity predictor (zebrafish imaging): a keras.Model whose layers are made in setup(),
#   with l1 kernel regularizers, and a hand-written @tf.function train_step (called by train_model, not fit) that adds
#   sum(self.losses) to the MSE inside the tape (clean).
from typing import Optional, Union

import numpy as np
import tensorflow as tf
import tensorflow.keras as keras
from tensorflow.keras import layers, regularizers, initializers


class NotInitialized(Exception):
    pass


class ActivityPredictor(keras.Model):
    def __init__(self, n_units: int, n_conv: int, drop_rate: float, input_length: int, activation: str):
        super(ActivityPredictor, self).__init__()
        self._n_units = n_units
        self._n_conv = n_conv
        self.input_length = input_length
        self._activation = activation
        self._drop_rate = drop_rate
        self.l1_sparsity: float = 2e-4
        self.learning_rate: float = 1e-3
        self.optimizer: Optional[keras.optimizers.Optimizer] = None
        self.loss_fn: Optional[keras.losses.Loss] = None
        self.rmse: Optional[keras.metrics.Metric] = None
        self._initialized = False

    def setup(self) -> None:
        self._conv_layer = layers.Conv1D(filters=self._n_conv, kernel_size=self.input_length, use_bias=False,
                                         padding='valid', activation=None,
                                         kernel_initializer=initializers.GlorotUniform(),
                                         kernel_regularizer=regularizers.l1(self.l1_sparsity), name="Convolution")
        self._flatten = layers.Flatten()
        self._drop_cl = layers.Dropout(self._drop_rate)
        self._deep_1 = layers.Dense(units=self._n_units, activation=self._activation,
                                    kernel_initializer=initializers.GlorotUniform(),
                                    kernel_regularizer=regularizers.l1(self.l1_sparsity), name="Deep1")
        self._drop_d1 = layers.Dropout(self._drop_rate)
        self._deep_2 = layers.Dense(units=self._n_units, activation=self._activation,
                                    kernel_initializer=initializers.GlorotUniform(),
                                    kernel_regularizer=regularizers.l1(self.l1_sparsity), name="Deep2")
        self._drop_d2 = layers.Dropout(self._drop_rate)
        self._out = layers.Dense(1, activation=None, name="Out")
        self.optimizer = keras.optimizers.Adam(self.learning_rate)
        self.loss_fn = keras.losses.MeanSquaredError()
        self.rmse = keras.metrics.RootMeanSquaredError()
        self._initialized = True

    def check_init(self) -> None:
        if not self._initialized:
            raise NotInitialized("Model not initialized. Call setup or load.")

    @tf.function
    def call(self, inputs, training: Optional[bool] = None, mask=None) -> tf.Tensor:
        if training is None:
            training = False
        self.check_init()
        x = self._conv_layer(inputs, training=training)
        x = self._drop_cl(self._flatten(x), training=training)
        x = self._drop_d1(self._deep_1(x, training=training), training=training)
        x = self._drop_d2(self._deep_2(x, training=training), training=training)
        return self._out(x)

    @tf.function
    def train_step(self, btch_inputs: Union[np.ndarray, tf.Tensor], btch_labels: Union[np.ndarray, tf.Tensor]):
        with tf.GradientTape() as tape:
            pred = self(btch_inputs, training=True)
            loss = self.loss_fn(btch_labels, pred)
            # add any extra losses created during the forward pass (the kernel regularizers)
            loss += sum(self.losses)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        self.rmse(btch_labels, pred)


def train_model(mdl: ActivityPredictor, tset: tf.data.Dataset, n_epochs: int) -> None:
    for e in range(n_epochs):
        for inp, outp in tset:
            mdl.train_step(inp, outp)


def get_standard_model(hist_steps: int) -> ActivityPredictor:
    m = ActivityPredictor(64, 80, 0.5, hist_steps, "swish")
    m.learning_rate = 1e-3
    m.setup()
    return m
