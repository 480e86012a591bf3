# Idiom seen in: dbugajny/GeneratingBoredApeYachtClub src/models/vae.py
# What it reproduces: the mirror decoder built from DeconvBlocks.
import tensorflow as tf
from blocks import DeconvBlock


def build_decoder(latent_dim: int = 256) -> tf.keras.Model:
    latent_inputs = tf.keras.Input(shape=(latent_dim,))
    x = tf.keras.layers.Dense(8 * 8 * 64, activation="relu")(latent_inputs)
    x = tf.keras.layers.Reshape((8, 8, 64))(x)
    x = DeconvBlock(filters=64, kernel_size=3, strides=2)(x)
    x = DeconvBlock(filters=64, kernel_size=3, strides=2)(x)
    x = DeconvBlock(filters=32, kernel_size=3, strides=2)(x)
    x = DeconvBlock(filters=32, kernel_size=3, strides=2)(x)
    x = DeconvBlock(filters=32, kernel_size=3, strides=2)(x)
    decoder_outputs = tf.keras.layers.Conv2D(3, 3, activation="sigmoid", padding="same")(x)
    return tf.keras.Model(latent_inputs, decoder_outputs, name="decoder")
