# Idiom seen in: repository not resolved by the code index (index file ids 39162935261 / 39020547273: class
#   LSTMFrame(Model) with a train_step override, class LSTMModel(ModelFrame) with l1_l2 kernel regularizers)
# What it reproduces: a three-layer LSTM forecaster that compiles itself in __init__ and overrides train_step to
#   unpack sample weights with data_adapter. The step computes self.compiled_loss(y, y_pred) without
#   regularization_losses=self.losses, unlike the default Model.train_step, so the l1_l2 kernel regularizers of
#   the LSTM layers never reach the gradient although fit() is used.
# label-note: WD103 on the kernel_regularizer= argument of the LSTM layers (built in one loop, one line). Adam has
#   no weight_decay (no WD202).
from dataclasses import asdict

import tensorflow as tf
from keras import Model
from keras.layers import LSTM, Dense, Dropout, LayerNormalization, TimeDistributed
from keras.optimizers import Adam
from keras.regularizers import l1_l2
from keras.src.engine import data_adapter

from .config import LSTMModelConfig
from .losses import weighted_loss


class LSTMFrame(Model):
    def train_step(self, data):
        x, y, sample_weight = data_adapter.unpack_x_y_sample_weight(data)
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)  # Forward pass
            loss = self.compiled_loss(y, y_pred)  # type: ignore
        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.compiled_metrics.update_state(y, y_pred, sample_weight)
        return {m.name: m.result() for m in self.metrics}

    def get_config(self):
        config = super().get_config()
        config.update({"model_config": asdict(self.model_config)})
        return config


class LSTMModel(LSTMFrame):
    def __init__(self, model_config: LSTMModelConfig, **kwargs):
        self.model_config = model_config
        super().__init__(**kwargs)
        if model_config.l1_reg is None or model_config.l2_reg is None:
            kernel_regularizer = None
        else:
            kernel_regularizer = l1_l2(l1=model_config.l1_reg, l2=model_config.l2_reg)

        self.blocks = []
        for units in (model_config.n1, model_config.n2, model_config.n3):
            lstm = LSTM(units=units, return_sequences=True, activation=model_config.activation,
                        kernel_regularizer=kernel_regularizer)  # expect: WD103
            norm = LayerNormalization() if model_config.normalize_layer else None
            drop = Dropout(model_config.dropout_rate) if model_config.dropout_rate else None
            self.blocks.append((lstm, norm, drop))
        self.time_distributed_out = TimeDistributed(Dense(units=model_config.dim_out))

        self.compile(optimizer=Adam(learning_rate=model_config.lr),
                     loss=weighted_loss(*model_config.loss_weights, loss_funcs=model_config.loss_funcs),
                     metrics=model_config.metrics)

    def call(self, inputs, training=False):
        x = inputs
        for lstm, norm, drop in self.blocks:
            x = lstm(x)
            if norm:
                x = norm(x)
            if drop:
                x = drop(x, training=training)
        return self.time_distributed_out(x)
