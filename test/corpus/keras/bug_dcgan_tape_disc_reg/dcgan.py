# Idiom seen in: tatsy/keras-generative models/base.py
# What it reproduces: BaseModel.main_loop calling an abstract train_on_batch that each GAN overrides.
#   The DCGAN override trains both nets with GradientTape: the generator loss adds
#   sum(self.generator.losses), but the discriminator loss leaves the discriminator L2 terms out.
#   Realistic user port of the repo (which used Keras train_on_batch) to TF2 tapes.
import tensorflow as tf
from tensorflow.keras import layers, regularizers

from base import BaseModel


class DCGAN(BaseModel):
    def __init__(self, input_shape=(64, 64, 3), z_dims=128, l2=1e-5, **kwargs):
        kwargs['name'] = 'dcgan'
        super().__init__(**kwargs)
        self.input_shape = input_shape
        self.z_dims = z_dims
        self.l2 = l2
        self.generator = self.build_generator()
        self.discriminator = self.build_discriminator()
        self.gen_opt = tf.keras.optimizers.Adam(2e-4, beta_1=0.5)
        self.dis_opt = tf.keras.optimizers.Adam(2e-4, beta_1=0.5)
        self.bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)
        self.store_to_save('generator')
        self.store_to_save('discriminator')

    def build_generator(self):
        z = tf.keras.Input((self.z_dims,))
        x = layers.Dense(4 * 4 * 512, kernel_regularizer=regularizers.l2(self.l2))(z)
        x = layers.Reshape((4, 4, 512))(x)
        for ch in (256, 128, 64):
            x = layers.Conv2DTranspose(ch, 5, strides=2, padding='same',
                                       kernel_regularizer=regularizers.l2(self.l2))(x)
            x = layers.ReLU()(layers.BatchNormalization()(x))
        x = layers.Conv2DTranspose(self.input_shape[2], 5, strides=2, padding='same', activation='sigmoid')(x)
        return tf.keras.Model(z, x, name='generator')

    def build_discriminator(self):
        img = tf.keras.Input(self.input_shape)
        x = img
        for ch in (64, 128, 256):
            x = layers.Conv2D(ch, 5, strides=2, padding='same',
                              kernel_regularizer=regularizers.l2(self.l2))(x)  # expect: WD103
            x = layers.LeakyReLU(0.2)(x)
        x = layers.Flatten()(x)
        logit = layers.Dense(1, kernel_regularizer=regularizers.l2(self.l2))(x)  # expect: WD103
        return tf.keras.Model(img, logit, name='discriminator')

    def train_on_batch(self, x_real):
        batchsize = len(x_real)
        z = tf.random.uniform((batchsize, self.z_dims), -1.0, 1.0)
        with tf.GradientTape() as d_tape:
            x_fake = self.generator(z, training=True)
            real_logit = self.discriminator(x_real, training=True)
            fake_logit = self.discriminator(x_fake, training=True)
            d_loss = self.bce(tf.ones_like(real_logit), real_logit) + self.bce(tf.zeros_like(fake_logit), fake_logit)
        d_grads = d_tape.gradient(d_loss, self.discriminator.trainable_variables)
        self.dis_opt.apply_gradients(zip(d_grads, self.discriminator.trainable_variables))

        with tf.GradientTape() as g_tape:
            fake_logit = self.discriminator(self.generator(z, training=True), training=True)
            g_loss = self.bce(tf.ones_like(fake_logit), fake_logit) + tf.add_n(self.generator.losses)
        g_grads = g_tape.gradient(g_loss, self.generator.trainable_variables)
        self.gen_opt.apply_gradients(zip(g_grads, self.generator.trainable_variables))
        return {'g_loss': float(g_loss), 'd_loss': float(d_loss)}
