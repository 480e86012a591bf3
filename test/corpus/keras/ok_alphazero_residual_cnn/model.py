# Idiom seen in: AppliedDataSciencePartners/DeepReinforcementLearning model.py (Gen_Model, Residual_CNN)
# What it reproduces: an AlphaZero-style policy/value network built by a class whose helper methods
#   (conv_layer, residual_layer, value_head, policy_head) create Conv2D/Dense layers with use_bias=False and
#   kernel_regularizer=regularizers.l2(self.reg_const), each followed by BatchNormalization; the two-headed
#   functional Model is compiled inside _build_model with SGD + momentum and trained through Gen_Model.fit.
# label-note: clean. compile()+fit() add the l2 terms to the loss; there are no biases and the batch-norm
#   parameters have no regularizer; SGD has no weight decay of its own (lr*reg = 1e-5).
from keras import regularizers
from keras.layers import Input, Dense, Conv2D, Flatten, BatchNormalization, LeakyReLU, add
from keras.models import Model
from keras.optimizers import SGD
import numpy as np

import config
from loss import softmax_cross_entropy_with_logits


class Gen_Model():
    def __init__(self, reg_const, learning_rate, input_dim, output_dim):
        self.reg_const = reg_const
        self.learning_rate = learning_rate
        self.input_dim = input_dim
        self.output_dim = output_dim

    def predict(self, x):
        return self.model.predict(x)

    def fit(self, states, targets, epochs, verbose, validation_split, batch_size):
        return self.model.fit(states, targets, epochs=epochs, verbose=verbose,
                              validation_split=validation_split, batch_size=batch_size)


class Residual_CNN(Gen_Model):
    def __init__(self, reg_const, learning_rate, input_dim, output_dim, hidden_layers):
        Gen_Model.__init__(self, reg_const, learning_rate, input_dim, output_dim)
        self.hidden_layers = hidden_layers
        self.model = self._build_model()

    def _conv(self, x, filters, kernel_size):
        return Conv2D(filters=filters, kernel_size=kernel_size, data_format="channels_first",
                      padding='same', use_bias=False, activation='linear',
                      kernel_regularizer=regularizers.l2(self.reg_const))(x)

    def conv_layer(self, x, filters, kernel_size):
        return LeakyReLU()(BatchNormalization(axis=1)(self._conv(x, filters, kernel_size)))

    def residual_layer(self, input_block, filters, kernel_size):
        x = self.conv_layer(input_block, filters, kernel_size)
        x = BatchNormalization(axis=1)(self._conv(x, filters, kernel_size))
        return LeakyReLU()(add([input_block, x]))

    def value_head(self, x):
        x = Flatten()(self.conv_layer(x, 1, (1, 1)))
        x = LeakyReLU()(Dense(20, use_bias=False, activation='linear',
                              kernel_regularizer=regularizers.l2(self.reg_const))(x))
        return Dense(1, use_bias=False, activation='tanh',
                     kernel_regularizer=regularizers.l2(self.reg_const), name='value_head')(x)

    def policy_head(self, x):
        x = Flatten()(self.conv_layer(x, 2, (1, 1)))
        return Dense(self.output_dim, use_bias=False, activation='linear',
                     kernel_regularizer=regularizers.l2(self.reg_const), name='policy_head')(x)

    def _build_model(self):
        main_input = Input(shape=self.input_dim, name='main_input')
        x = self.conv_layer(main_input, self.hidden_layers[0]['filters'], self.hidden_layers[0]['kernel_size'])
        for h in self.hidden_layers[1:]:
            x = self.residual_layer(x, h['filters'], h['kernel_size'])
        model = Model(inputs=[main_input], outputs=[self.value_head(x), self.policy_head(x)])
        model.compile(loss={'value_head': 'mean_squared_error',
                            'policy_head': softmax_cross_entropy_with_logits},
                      optimizer=SGD(lr=self.learning_rate, momentum=config.MOMENTUM),
                      loss_weights={'value_head': 0.5, 'policy_head': 0.5})
        return model

    def convertToModelInput(self, state):
        return np.reshape(state.binary, self.input_dim)
