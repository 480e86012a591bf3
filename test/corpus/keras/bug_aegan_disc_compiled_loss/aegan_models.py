# Idiom seen in: nihermann/Pokemaenner AEGAN/aegan_models.py
# Idiom seen in: nihermann/Pokemaenner AEGAN/aegan.py
# What it reproduces: functional Keras sub-models of an AEGAN (Pokemon sprites) with their own forward_step
#   doing `loss = self.compiled_loss(target, pred)` under a GradientTape. A user adds L2 kernel regularizers
#   to the conv and dense blocks (the real repo has none), but compiled_loss is called without
#   regularization_losses=self.losses, so the terms never reach the tape (WD103 on each keyword).
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import (Input, Dense, Flatten, Concatenate, Reshape, UpSampling2D, Conv2D,
                                     Activation, LeakyReLU, GaussianNoise, GaussianDropout,
                                     LayerNormalization)
from tensorflow.keras.regularizers import l2

L2_FACTOR = 1e-4


def conv2d_block(X, channel, kernel_width, stride, initializer, add_noise, hidden_activation):
    X = Conv2D(channel, kernel_width, stride, padding="same", kernel_initializer=initializer,
               kernel_regularizer=l2(L2_FACTOR))(X)  # expect: WD103
    if add_noise:
        X = GaussianDropout(0.005)(X)
    X = LayerNormalization()(X)
    return hidden_activation(X)


def dense_block(X, neurons_per_layer, add_noise, hidden_activation):
    Y = Dense(neurons_per_layer,
              kernel_regularizer=l2(L2_FACTOR))(X)  # expect: WD103
    if add_noise:
        Y = GaussianDropout(0.005)(Y)
    Y = LayerNormalization()(Y)
    Y = hidden_activation(Y)
    return Concatenate()([X, Y])


class Encoder(tf.keras.Model):
    """Encoder that doubles as the image discriminator."""

    def __init__(self, image_shape, latentspace, channels=(64, 64, 128, 128, 128, 256),
                 kernel_widths=(4, 4, 4, 4, 4, 4), strides=(2, 2, 2, 2, 1, 1),
                 hidden_activation="relu", output_activation="linear", add_noise=True, **kwargs):
        h_act = lambda a: LeakyReLU(0.02) if a == "leaky_relu" else Activation(a)
        initializer = tf.keras.initializers.RandomNormal(0, 0.02)
        inp = Input(image_shape)
        X = GaussianNoise(0.01)(inp) if add_noise else inp
        for channel, kernel_width, stride in zip(channels, kernel_widths, strides):
            X = conv2d_block(X, channel, kernel_width, stride, initializer, add_noise,
                             h_act(hidden_activation))
        X = Flatten()(X)
        X = Dense(latentspace, kernel_initializer=initializer)(X)
        out = Activation(output_activation)(X)
        super(Encoder, self).__init__(inp, out, **kwargs)

    def forward_step(self, x, target):
        with tf.GradientTape() as tape:
            pred = self(x)
            loss = self.compiled_loss(target, pred)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        return loss


class Decoder(tf.keras.Model):
    """Decoder that doubles as the generator."""

    def __init__(self, latentspace, first_reshape_shape, channels=(256, 128, 128, 64, 64, 3), **kwargs):
        initializer = tf.keras.initializers.RandomNormal(0, 0.02)
        inp = Input((latentspace,))
        A = Dense(int(np.prod(first_reshape_shape)), kernel_initializer=initializer)(inp)
        A = Activation("relu")(LayerNormalization()(A))
        A = Reshape(first_reshape_shape)(A)
        for channel in channels[:-1]:
            A = UpSampling2D(2)(A)
            A = Conv2D(channel, 4, 1, padding="same", kernel_initializer=initializer)(A)
            A = Activation("relu")(LayerNormalization()(A))
        A = Conv2D(channels[-1], 4, 1, padding="same", kernel_initializer=initializer)(A)
        out = Activation("tanh")(A)
        super(Decoder, self).__init__(inp, out, **kwargs)


class DiscriminatorLatent(tf.keras.Model):

    def __init__(self, latentspace, num_blocks=16, neurons_per_layer=16, add_noise=True, **kwargs):
        inp = Input((latentspace,))
        x = GaussianNoise(0.01)(inp) if add_noise else inp
        for _ in range(num_blocks):
            x = dense_block(x, neurons_per_layer, add_noise, LeakyReLU(0.02))
        x = LeakyReLU(0.02)(Dense(128)(x))
        out = Activation("sigmoid")(Dense(1)(x))
        super(DiscriminatorLatent, self).__init__(inp, out, **kwargs)

    def forward_step(self, x, target):
        with tf.GradientTape() as tape:
            pred = self(x)
            loss = self.compiled_loss(target, pred)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        return loss
