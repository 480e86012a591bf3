# Idiom seen in: OlivierCodol/MotorNet motornet/nets/layers.py (GRUNetwork layer: float kernel_regularizer/recurrent_regularizer turned into l2() in __init__, GRUCell/Dense created in build())
# What it reproduces: `self.kernel_regularizer = l2(...)` inside a custom Layer's __init__ is not a regularizer assigned to a built layer: it is stored and passed to the GRUCell/Dense created in build(). Clean.
import tensorflow as tf
from tensorflow.keras.layers import Dense, GRUCell, Layer


class GRUPolicy(Layer):
    def __init__(self, n_outputs, n_units=32, n_hidden_layers=1, activation='tanh',
                 kernel_regularizer=0., recurrent_regularizer=0., hidden_noise_sd=0.,
                 **kwargs):
        super().__init__(**kwargs)
        self.n_outputs = n_outputs
        self.n_units = [n_units] * n_hidden_layers
        self.n_hidden_layers = n_hidden_layers
        self.activation = activation
        self.hidden_noise_sd = hidden_noise_sd
        # keep the raw weights so get_save_config can write them out
        self.kernel_regularizer_weight = kernel_regularizer
        self.kernel_regularizer = tf.keras.regularizers.l2(kernel_regularizer)
        self.recurrent_regularizer_weight = recurrent_regularizer
        self.recurrent_regularizer = tf.keras.regularizers.l2(recurrent_regularizer)
        self.state_size = [tf.TensorShape([n]) for n in self.n_units]
        self.cells = []

    def build(self, input_shape):
        for k in range(self.n_hidden_layers):
            self.cells.append(GRUCell(units=self.n_units[k],
                                      activation=self.activation,
                                      name='hidden_layer_%d' % k,
                                      kernel_regularizer=self.kernel_regularizer,
                                      recurrent_regularizer=self.recurrent_regularizer))
        self.readout = Dense(units=self.n_outputs, activation='sigmoid',
                             name='output_layer',
                             bias_initializer=tf.initializers.Constant(-5.),
                             kernel_regularizer=self.kernel_regularizer)
        super().build(input_shape)

    def call(self, inputs, states):
        x = inputs
        new_states = []
        for k, cell in enumerate(self.cells):
            x, h = cell(x, states[k])
            h = h + tf.random.normal(tf.shape(h), stddev=self.hidden_noise_sd)
            new_states.append(h)
        return self.readout(x), new_states

    def get_save_config(self):
        return {'n_units': self.n_units[0],
                'n_hidden_layers': self.n_hidden_layers,
                'kernel_regularizer_weight': self.kernel_regularizer_weight,
                'recurrent_regularizer_weight': self.recurrent_regularizer_weight}
