# Idiom seen in: ejayjeon/lang_practice python_tensorflow_study/test2.py
# What it reproduces: tf.keras (TF 2.11+) Model.compute_loss override used by the built-in train_step:
#   a masked regression loss plus tf.add_n(self.losses), so the Dense kernels' l2 regularizers stay in
#   what fit() minimises even though the compiled loss is bypassed.
# label-note: clean; legacy SGD with momentum, no weight_decay.
import argparse

import tensorflow as tf

from sensor_data import make_windows

L2 = 1e-4


class MaskedRegressor(tf.keras.Model):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.loss_tracker = tf.keras.metrics.Mean(name="loss")

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None):
        mask = tf.cast(tf.math.is_finite(y), y_pred.dtype)
        y_clean = tf.where(tf.math.is_finite(y), y, tf.zeros_like(y))
        loss = tf.reduce_sum(mask * tf.square(y_pred - y_clean)) / tf.maximum(tf.reduce_sum(mask), 1.0)
        if self.losses:
            loss += tf.add_n(self.losses)
        self.loss_tracker.update_state(loss)
        return loss

    def reset_metrics(self):
        self.loss_tracker.reset_states()

    @property
    def metrics(self):
        return [self.loss_tracker]


def build(window, features, targets):
    inputs = tf.keras.layers.Input(shape=(window, features), name="window")
    x = tf.keras.layers.Flatten()(inputs)
    x = tf.keras.layers.Dense(128, activation="relu",
                              kernel_regularizer=tf.keras.regularizers.l2(L2))(x)
    x = tf.keras.layers.Dense(64, activation="relu",
                              kernel_regularizer=tf.keras.regularizers.l2(L2))(x)
    outputs = tf.keras.layers.Dense(targets)(x)
    return MaskedRegressor(inputs, outputs)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", required=True)
    parser.add_argument("--window", type=int, default=24)
    parser.add_argument("--epochs", type=int, default=20)
    args = parser.parse_args()

    dataset, n_features, n_targets = make_windows(args.csv, args.window, batch_size=64)
    model = build(args.window, n_features, n_targets)
    optimizer = tf.keras.optimizers.legacy.SGD(learning_rate=0.01, momentum=0.9)
    model.compile(optimizer, steps_per_execution=10)
    model.fit(dataset, epochs=args.epochs)
