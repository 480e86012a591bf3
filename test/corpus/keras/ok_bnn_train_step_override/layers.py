# Idiom seen in: reneaas/BNN-Estimation-of-NLO-Cross-Sections code/core/bnn_class/custom_keras_layer.py
# What it reproduces: dense layer carrying its Gaussian prior as self.add_loss in call(); the
#   model in model.py minimizes it through regularization_losses=self.losses; clean.
import tensorflow as tf


class GaussianPriorDense(tf.keras.layers.Layer):
    def __init__(self, units, lamb=1e-3, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.lamb = lamb
        self.activation = tf.keras.activations.get(activation)

    def build(self, input_shape):
        self.kernel = self.add_weight("kernel", shape=(int(input_shape[-1]), self.units))
        self.bias = self.add_weight("bias", shape=(self.units,), initializer="zeros")

    def call(self, inputs):
        self.add_loss(0.5 * self.lamb * tf.reduce_sum(tf.square(self.kernel)))
        return self.activation(tf.matmul(inputs, self.kernel) + self.bias)
