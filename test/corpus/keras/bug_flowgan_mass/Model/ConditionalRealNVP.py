# Idiom seen in: lucien1011/ML-DrellYan Model/ConditionalRealNVP.py
# Idiom seen in: lucien1011/ML-DrellYan Model/ConditionalDiscriminator.py
# Idiom seen in: lucien1011/ML-DrellYan train_ConditionalFlowGAN_mass.py
# What it reproduces: a conditional RealNVP generator and a discriminator for Drell-Yan dilepton kinematics, both
#   with l2 kernel_regularizers, trained adversarially in three hand-written GradientTape steps whose losses are
#   bce(...) only: neither disc_model.losses nor nf_model.losses ever reaches tape.gradient (as in the repo).
import numpy as np
import tensorflow as tf
import tensorflow_probability as tfp
from tensorflow.keras import regularizers


def make_default_masks(num_coupling_layers, ndim):
    mask_list = [[0 for _ in range(ndim)] for _ in range(ndim)]
    for i in range(ndim):
        mask_list[i][(i + 1) % ndim] = 1
    return np.array(mask_list * (num_coupling_layers // 2), dtype="float32")


def ConditionalCoupling(input_shape, conditional_shape, hidden_dim=128, reg=0.05):
    input = tf.keras.layers.Input(shape=input_shape)
    condition = tf.keras.layers.Input(shape=conditional_shape)
    x = tf.keras.layers.Concatenate(axis=1)([input, condition])

    t_out = x
    for n in [1, 2, 4, 4, 2, 1]:
        t_out = tf.keras.layers.Dense(n * hidden_dim, activation='relu', kernel_regularizer=regularizers.l2(reg))(t_out)  # expect: WD103
    t_out = tf.keras.layers.Dense(
        input_shape, activation="linear", kernel_regularizer=regularizers.l2(reg)  # expect: WD103
    )(t_out)

    s_out = x
    for n in [1, 2, 4, 4, 2, 1]:
        s_out = tf.keras.layers.Dense(n * hidden_dim, activation='relu', kernel_regularizer=regularizers.l2(reg))(s_out)  # expect: WD103
    s_out = tf.keras.layers.Dense(
        input_shape, activation="tanh", kernel_regularizer=regularizers.l2(reg)  # expect: WD103
    )(s_out)

    return tf.keras.Model(inputs=[input, condition], outputs=[s_out, t_out])


class ConditionalRealNVP(tf.keras.Model):
    def __init__(self, num_coupling_layers, ndim, ncond, masks=None):
        super(ConditionalRealNVP, self).__init__()
        self.num_coupling_layers = num_coupling_layers
        self.distribution = tfp.distributions.MultivariateNormalDiag(
            loc=[0.0 for _ in range(ndim)], scale_diag=[1.0 for _ in range(ndim)])
        self.masks = masks if masks is not None else make_default_masks(num_coupling_layers, ndim)
        self.layers_list = [ConditionalCoupling(ndim, ncond) for _ in range(num_coupling_layers)]
        self.direction = 1

    def call(self, inputs, training=True):
        x, condition = inputs
        log_det_inv = 0
        for i in range(self.num_coupling_layers)[::self.direction]:
            x_masked = x * self.masks[i]
            reversed_mask = 1 - self.masks[i]
            s, t = self.layers_list[i]([x_masked, condition])
            s *= reversed_mask
            t *= reversed_mask
            gate = (self.direction - 1) / 2
            x = reversed_mask * (x * tf.exp(self.direction * s) + self.direction * t * tf.exp(gate * s)) + x_masked
            log_det_inv += gate * tf.reduce_sum(s, [1])
        return x, log_det_inv

    def log_loss(self, inputs):
        y, logdet = self(inputs)
        return -tf.reduce_mean(self.distribution.log_prob(y) + logdet)
