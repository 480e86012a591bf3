# Idiom seen in: tatsy/keras-generative models/base.py
# What it reproduces: a GAN whose train_on_batch override (BaseModel pattern) trains generator and
#   discriminator with separate GradientTapes; both nets carry L2 kernel regularizers and each loss
#   adds its own model's losses (generator.losses / discriminator.losses). Clean.
import tensorflow as tf
from tensorflow.keras import layers, regularizers

from models.base import BaseModel  # not part of this program
from datasets import load_data     # not part of this program


def make_generator(z_dims, l2):
    z = tf.keras.Input((z_dims,))
    x = layers.Dense(7 * 7 * 128, kernel_regularizer=regularizers.l2(l2))(z)
    x = layers.Reshape((7, 7, 128))(layers.LeakyReLU(0.2)(x))
    x = layers.Conv2DTranspose(64, 4, strides=2, padding='same', kernel_regularizer=regularizers.l2(l2))(x)
    x = layers.LeakyReLU(0.2)(x)
    return tf.keras.Model(z, layers.Conv2DTranspose(1, 4, strides=2, padding='same', activation='sigmoid')(x))


def make_discriminator(l2):
    img = tf.keras.Input((28, 28, 1))
    x = layers.LeakyReLU(0.2)(layers.Conv2D(64, 4, strides=2, padding='same', kernel_regularizer=regularizers.l2(l2))(img))
    x = layers.LeakyReLU(0.2)(layers.Conv2D(128, 4, strides=2, padding='same', kernel_regularizer=regularizers.l2(l2))(x))
    return tf.keras.Model(img, layers.Dense(1, kernel_regularizer=regularizers.l2(l2))(layers.Flatten()(x)))


class MnistGAN(BaseModel):
    def __init__(self, z_dims=64, l2=1e-5, **kwargs):
        super().__init__(name='mnist_gan', **kwargs)
        self.z_dims = z_dims
        self.generator = make_generator(z_dims, l2)
        self.discriminator = make_discriminator(l2)
        self.g_opt = tf.keras.optimizers.Adam(2e-4, beta_1=0.5)
        self.d_opt = tf.keras.optimizers.Adam(2e-4, beta_1=0.5)
        self.bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)

    def train_on_batch(self, x_real):
        z = tf.random.normal((len(x_real), self.z_dims))
        with tf.GradientTape() as tape:
            real = self.discriminator(x_real, training=True)
            fake = self.discriminator(self.generator(z, training=True), training=True)
            d_loss = (self.bce(tf.ones_like(real), real) + self.bce(tf.zeros_like(fake), fake)
                      + tf.add_n(self.discriminator.losses))
        grads = tape.gradient(d_loss, self.discriminator.trainable_variables)
        self.d_opt.apply_gradients(zip(grads, self.discriminator.trainable_variables))

        with tf.GradientTape() as tape:
            fake = self.discriminator(self.generator(z, training=True), training=True)
            g_loss = self.bce(tf.ones_like(fake), fake) + tf.add_n(self.generator.losses)
        grads = tape.gradient(g_loss, self.generator.trainable_variables)
        self.g_opt.apply_gradients(zip(grads, self.generator.trainable_variables))
        return {'g_loss': float(g_loss), 'd_loss': float(d_loss)}


if __name__ == '__main__':
    data = load_data('mnist')
    MnistGAN(output='output').main_loop(data, epochs=50, batchsize=64, reporter=['g_loss', 'd_loss'])
