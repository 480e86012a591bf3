# Idiom seen in: jcisarano/tensorflow_practice handson/11_training_deep_nn/regularization.py
# Idiom seen in: jcisarano/tensorflow_practice handson/12_custom_models_and_training_tf/custom_models.py
# What it reproduces: the model module: a residual regressor (subclassed keras.Model) whose Dense layers come from a
#   functools.partial carrying kernel_regularizer=l2; trained by the custom loop in train_loop.py, which adds
#   model.losses to the loss the tape differentiates. Clean.
from functools import partial

from tensorflow import keras

RegularizedDense = partial(keras.layers.Dense,
                           activation="elu",
                           kernel_initializer="he_normal",
                           kernel_regularizer=keras.regularizers.l2(0.01))


class ResidualBlock(keras.layers.Layer):
    def __init__(self, n_layers, n_neurons, **kwargs):
        super().__init__(**kwargs)
        self.hidden = [RegularizedDense(n_neurons) for _ in range(n_layers)]

    def call(self, inputs):
        Z = inputs
        for layer in self.hidden:
            Z = layer(Z)
        return inputs + Z


class ResidualRegressor(keras.Model):
    def __init__(self, output_dim, **kwargs):
        super().__init__(**kwargs)
        self.hidden1 = RegularizedDense(30)
        self.block1 = ResidualBlock(2, 30)
        self.block2 = ResidualBlock(2, 30)
        self.out = keras.layers.Dense(output_dim)

    def call(self, inputs):
        Z = self.hidden1(inputs)
        for _ in range(1 + 3):
            Z = self.block1(Z)
        Z = self.block2(Z)
        return self.out(Z)
