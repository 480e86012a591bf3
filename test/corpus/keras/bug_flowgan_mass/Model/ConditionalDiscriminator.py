# Idiom seen in: lucien1011/ML-DrellYan Model/ConditionalRealNVP.py
# Idiom seen in: lucien1011/ML-DrellYan Model/ConditionalDiscriminator.py
# Idiom seen in: lucien1011/ML-DrellYan train_ConditionalFlowGAN_mass.py
# What it reproduces: a conditional RealNVP generator and a discriminator for Drell-Yan dilepton kinematics, both
#   with l2 kernel_regularizers, trained adversarially in three hand-written GradientTape steps whose losses are
#   bce(...) only: neither disc_model.losses nor nf_model.losses ever reaches tape.gradient (as in the repo).
import tensorflow as tf

reg = 0.20


class Discriminator(tf.keras.Model):
    def __init__(self, neuron_number_list, epsilon=1e-3, **kwargs):
        super(Discriminator, self).__init__(**kwargs)
        self.neuron_number_list = neuron_number_list
        self._dense_layer_list = []
        for i, neuron_number in enumerate(neuron_number_list):
            self._dense_layer_list.append(tf.keras.layers.Dense(neuron_number, activation='relu', kernel_regularizer=tf.keras.regularizers.l2(reg),))  # expect: WD103
        self.output_layer = tf.keras.layers.Dense(1, activation='sigmoid')
        self.epsilon = epsilon

    def call(self, inputs, Training=True):
        disc_out = tf.concat(inputs, axis=1)
        for i, neuron_number in enumerate(self.neuron_number_list):
            disc_out = self._dense_layer_list[i](disc_out)
        disc_out = self.output_layer(disc_out)
        return disc_out + self.epsilon
