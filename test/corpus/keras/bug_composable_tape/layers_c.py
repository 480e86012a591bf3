# Idiom seen in: GoogleCloudPlatform/keras-idiomatic-programmer zoo/layers_c.py
# What it reproduces: the "composable" Layers base class that keeps a kernel regularizer as a hyperparameter
# and hands it to every Conv2D/Dense it builds; train_tape.py trains the model in a GradientTape loop that
# leaves model.losses out, so both regularizer keywords below are dead (WD103).
from tensorflow.keras.layers import Conv2D, Dense, BatchNormalization, ReLU


class Layers(object):
    ''' Layers class for Composable Models '''

    initializer = 'he_normal'
    regularizer = None
    bn_epsilon = 0.001
    use_bias = False

    def __init__(self, **hyperparameters):
        if 'initializer' in hyperparameters:
            self.initializer = hyperparameters.pop('initializer')
        if 'regularizer' in hyperparameters:
            self.regularizer = hyperparameters.pop('regularizer')
        if 'use_bias' in hyperparameters:
            self.use_bias = hyperparameters.pop('use_bias')
        self.hyperparameters = hyperparameters

    def Conv2D(self, x, n_filters, kernel_size, strides=(1, 1), padding='same', **hyperparameters):
        regularizer = hyperparameters.get('regularizer', self.regularizer)
        initializer = hyperparameters.get('initializer', self.initializer)
        return Conv2D(n_filters, kernel_size, strides=strides, padding=padding,
                      use_bias=self.use_bias, kernel_initializer=initializer,
                      kernel_regularizer=regularizer)(x)  # expect: WD103

    def Dense(self, x, units, activation=None, **hyperparameters):
        regularizer = hyperparameters.get('regularizer', self.regularizer)
        return Dense(units, activation, use_bias=True,
                     kernel_initializer=self.initializer,
                     kernel_regularizer=regularizer)(x)  # expect: WD103

    def BatchNormalization(self, x):
        return BatchNormalization(epsilon=self.bn_epsilon)(x)

    def ReLU(self, x):
        return ReLU()(x)
