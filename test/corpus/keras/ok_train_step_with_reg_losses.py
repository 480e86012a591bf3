# Idiom seen in: zhulunwu/JuliaBasic tensorflow/fit_custom.jl
# What it reproduces: the "customize what happens in fit" train_step override (embedded Python in the source) on a
#   regression model whose Dense layers carry kernel_regularizer=l2(1e-4); the override passes
#   regularization_losses=self.losses to compiled_loss, so the L2 terms are in the differentiated loss. Clean.
import argparse

import numpy as np
import tensorflow as tf


class RegressionModel(tf.keras.Model):
    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)
        trainable_vars = self.trainable_variables
        gradients = tape.gradient(loss, trainable_vars)
        self.optimizer.apply_gradients(zip(gradients, trainable_vars))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


def build(n_features, hidden, l2):
    inputs = tf.keras.Input(shape=(n_features,))
    x = inputs
    for units in hidden:
        x = tf.keras.layers.Dense(units, activation='relu',
                                  kernel_regularizer=tf.keras.regularizers.l2(l2))(x)
    outputs = tf.keras.layers.Dense(1, kernel_regularizer=tf.keras.regularizers.l2(l2))(x)
    return RegressionModel(inputs, outputs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--epochs', type=int, default=30)
    parser.add_argument('--l2', type=float, default=1e-4)
    args = parser.parse_args()

    x = np.random.rand(1000, 32).astype('float32')
    y = (x @ np.random.rand(32, 1) + 0.1 * np.random.randn(1000, 1)).astype('float32')
    model = build(32, [64, 64], args.l2)
    model.compile(optimizer='adam', loss='mse', metrics=['mae'])
    model.fit(x, y, epochs=args.epochs, validation_split=0.2)


if __name__ == '__main__':
    main()
