# Idiom seen in: jiafeiwang/rec-system-demos models/base/Deep.py
# What it reproduces: the deep tower of DeepFM as a subclassed Model whose Dense layers carry kernel_regularizer=l2(l2_reg) (layers created lazily in build()). Clean.
from tensorflow.keras.layers import Dense, Dropout
from tensorflow.keras.models import Model
from tensorflow.keras.regularizers import l2


class Deep(Model):
    def __init__(self, hidden_units, l2_reg=1e-4, activation='relu', dropout=None, output_unit=1):
        super(Deep, self).__init__()
        self.hidden_units = hidden_units
        self.l2_reg = l2_reg
        self.activation = activation
        self.dropout = dropout
        self.output_unit = output_unit

    def build(self, input_shape):
        self.dense_layers = [Dense(h, activation=self.activation,
                                   kernel_regularizer=l2(self.l2_reg))
                             for h in self.hidden_units]
        self.dropout_layer = Dropout(self.dropout) if self.dropout is not None else None
        self.output_layer = Dense(self.output_unit, activation=None)

    def call(self, inputs, training=None, mask=None):
        x = inputs
        for layer in self.dense_layers:
            x = layer(x)
        if self.dropout_layer is not None:
            x = self.dropout_layer(x, training=training)
        return self.output_layer(x)
