# Idiom seen in: jk983294/morph book/tensorflow/keras_demo/custom_fit/custom_fit2.py
# What it reproduces: a keras.Model subclass overriding train_step with its own MSE loss and loss/mae trackers, run by
#   fit(); realistic mistake: the model's Dense layers get kernel_regularizer, but the overridden step never adds self.losses.
import numpy as np
import tensorflow as tf

from timeseries_data import load_load_forecasting_windows

loss_tracker = tf.keras.metrics.Mean(name="loss")
mae_metric = tf.keras.metrics.MeanAbsoluteError(name="mae")


class CustomModel(tf.keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = tf.keras.losses.mean_squared_error(y, y_pred)
        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        loss_tracker.update_state(loss)
        mae_metric.update_state(y, y_pred)
        return {"loss": loss_tracker.result(), "mae": mae_metric.result()}

    @property
    def metrics(self):
        return [loss_tracker, mae_metric]


if __name__ == '__main__':
    x, y = load_load_forecasting_windows(lookback=48, horizon=1)
    inputs = tf.keras.Input(shape=(x.shape[1],))
    h = tf.keras.layers.Dense(128, activation="relu",
                              kernel_regularizer=tf.keras.regularizers.l2(1e-4))(inputs)  # expect: WD103
    h = tf.keras.layers.Dense(64, activation="relu",
                              kernel_regularizer=tf.keras.regularizers.l2(1e-4))(h)  # expect: WD103
    outputs = tf.keras.layers.Dense(1)(h)
    model = CustomModel(inputs, outputs)
    model.compile(optimizer="adam")
    model.fit(x, y, epochs=20, batch_size=256)
