# Idiom seen in: imehranasgari/DL_TensorFlow_LowLevelAPI_CustomModel README.md
# What it reproduces: a custom Layer whose build() creates its kernel with add_weight(regularizer=...), used inside a
#   subclassed tf.keras.Model with an overridden call(), compiled with a custom loss and trained with fit. Clean.
import numpy as np
import tensorflow as tf

from tabular_data import load_housing


class RegularizedDense(tf.keras.layers.Layer):
    def __init__(self, units, l2=1e-4, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.l2 = l2
        self.activation = tf.keras.activations.get(activation)

    def build(self, input_shape):
        self.w = self.add_weight(name="kernel", shape=(input_shape[-1], self.units),
                                 initializer="he_uniform", trainable=True,
                                 regularizer=tf.keras.regularizers.l2(self.l2))
        self.b = self.add_weight(name="bias", shape=(self.units,), initializer="zeros", trainable=True)

    def call(self, inputs):
        return self.activation(tf.matmul(inputs, self.w) + self.b)


class HousingModel(tf.keras.Model):
    def __init__(self, l2=1e-4):
        super().__init__()
        self.hidden1 = RegularizedDense(64, l2=l2, activation="relu")
        self.hidden2 = RegularizedDense(32, l2=l2, activation="relu")
        self.out = RegularizedDense(1, l2=l2)

    def call(self, inputs):
        return self.out(self.hidden2(self.hidden1(inputs)))


def huber(y_true, y_pred, delta=1.0):
    err = y_true - y_pred
    small = tf.abs(err) <= delta
    return tf.where(small, 0.5 * tf.square(err), delta * (tf.abs(err) - 0.5 * delta))


if __name__ == "__main__":
    (x_train, y_train), (x_val, y_val) = load_housing()
    model = HousingModel(l2=1e-4)
    model.compile(optimizer=tf.keras.optimizers.Nadam(1e-3), loss=huber, metrics=["mae"])
    model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=30, batch_size=32)
