# Idiom seen in: tusharganguli/PrunedNetwork custom_training.py
# What it reproduces: the repository's MyDense custom layer (used by create_model) given an L2
#   regularizer through add_weight; custom_training.py sums model.losses into the tape's loss.
import tensorflow as tf
from tensorflow import keras


class MyDense(keras.layers.Layer):
    def __init__(self, units, activation=None, l2=1e-4, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = keras.activations.get(activation)
        self.l2 = l2

    def build(self, input_shape):
        self.kernel = self.add_weight(name="kernel", shape=[input_shape[-1], self.units],
                                      initializer="glorot_normal",
                                      regularizer=keras.regularizers.l2(self.l2))
        self.bias = self.add_weight(name="bias", shape=[self.units], initializer="zeros")
        self.mask = tf.Variable(tf.ones([input_shape[-1], self.units]), trainable=False)
        super().build(input_shape)

    def call(self, x):
        return self.activation(tf.matmul(x, self.kernel * self.mask) + self.bias)
