# Idiom seen in: tintinrevient/period-recreation gan/test_dcgan.py
# What it reproduces: the keras.io GAN class overriding train_step (discriminator step then generator step, run by fit);
#   here both sub-models carry kernel_regularizer and each step adds that sub-model's own .losses to its loss. Clean.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

from spectrogram_data import load_mel_patches

latent_dim = 100
reg = keras.regularizers.l2(5e-5)

discriminator = keras.Sequential([
    keras.Input(shape=(128, 64, 1)),
    layers.Conv2D(64, 4, strides=2, padding="same", kernel_regularizer=reg),
    layers.LeakyReLU(0.2),
    layers.Conv2D(128, 4, strides=2, padding="same", kernel_regularizer=reg),
    layers.LeakyReLU(0.2),
    layers.GlobalAveragePooling2D(),
    layers.Dense(1),
], name="discriminator")

generator = keras.Sequential([
    keras.Input(shape=(latent_dim,)),
    layers.Dense(32 * 16 * 128, kernel_regularizer=reg),
    layers.Reshape((32, 16, 128)),
    layers.Conv2DTranspose(128, 4, strides=2, padding="same", kernel_regularizer=reg),
    layers.LeakyReLU(0.2),
    layers.Conv2DTranspose(64, 4, strides=2, padding="same", kernel_regularizer=reg),
    layers.LeakyReLU(0.2),
    layers.Conv2D(1, 5, padding="same", activation="tanh"),
], name="generator")


class GAN(keras.Model):
    def __init__(self, discriminator, generator, latent_dim):
        super().__init__()
        self.discriminator = discriminator
        self.generator = generator
        self.latent_dim = latent_dim

    def compile(self, d_optimizer, g_optimizer, loss_fn):
        super().compile()
        self.d_optimizer, self.g_optimizer, self.loss_fn = d_optimizer, g_optimizer, loss_fn

    def train_step(self, real):
        batch_size = tf.shape(real)[0]
        noise = tf.random.normal((batch_size, self.latent_dim))
        combined = tf.concat([self.generator(noise), real], axis=0)
        labels = tf.concat([tf.ones((batch_size, 1)), tf.zeros((batch_size, 1))], axis=0)
        with tf.GradientTape() as tape:
            d_loss = self.loss_fn(labels, self.discriminator(combined, training=True))
            d_loss += tf.add_n(self.discriminator.losses)
        grads = tape.gradient(d_loss, self.discriminator.trainable_weights)
        self.d_optimizer.apply_gradients(zip(grads, self.discriminator.trainable_weights))

        noise = tf.random.normal((batch_size, self.latent_dim))
        with tf.GradientTape() as tape:
            fake_logits = self.discriminator(self.generator(noise, training=True))
            g_loss = self.loss_fn(tf.zeros((batch_size, 1)), fake_logits) + tf.add_n(self.generator.losses)
        grads = tape.gradient(g_loss, self.generator.trainable_weights)
        self.g_optimizer.apply_gradients(zip(grads, self.generator.trainable_weights))
        return {"d_loss": d_loss, "g_loss": g_loss}


gan = GAN(discriminator, generator, latent_dim)
gan.compile(d_optimizer=keras.optimizers.Adam(2e-4, beta_1=0.5),
            g_optimizer=keras.optimizers.Adam(2e-4, beta_1=0.5),
            loss_fn=keras.losses.BinaryCrossentropy(from_logits=True))
gan.fit(load_mel_patches("data/speech_commands", batch_size=64), epochs=50)
