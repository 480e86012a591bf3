# Idiom seen in: unknow112/NSIETE-project-2019 gan.py
# What it reproduces: Gan(keras.Model) wrapping self.g and self.d with a train_step override (fit runs it,
#   so Keras adds no regularization losses). The generator step adds tf.add_n(self.g.losses); the
#   discriminator step leaves self.d.losses out, so the discriminator's l2 regularizers never act.
import tensorflow as tf
import tensorflow.keras as keras

from discriminator import Discriminator
from generator import Generator


class Gan(keras.Model):
    def __init__(self, residual_block_count=16, adversarial_weight=1e-3):
        super(Gan, self).__init__()
        self.g = Generator(residual_block_count)
        self.d = Discriminator()
        self.adversarial_weight = adversarial_weight
        self.bce = keras.losses.BinaryCrossentropy(from_logits=True)
        self.mse = keras.losses.MeanSquaredError()

    def compile(self, g_optimizer, d_optimizer, **kwargs):
        super(Gan, self).compile(**kwargs)
        self.g_optimizer = g_optimizer
        self.d_optimizer = d_optimizer

    def call(self, x):
        return self.g(x)

    def train_step(self, data):
        lr_images, hr_images = data

        with tf.GradientTape() as d_tape:
            sr_images = self.g(lr_images, training=True)
            real_logits = self.d(hr_images, training=True)
            fake_logits = self.d(sr_images, training=True)
            d_loss = self.bce(tf.ones_like(real_logits), real_logits) + \
                self.bce(tf.zeros_like(fake_logits), fake_logits)
        d_grads = d_tape.gradient(d_loss, self.d.trainable_variables)
        self.d_optimizer.apply_gradients(zip(d_grads, self.d.trainable_variables))

        with tf.GradientTape() as g_tape:
            sr_images = self.g(lr_images, training=True)
            fake_logits = self.d(sr_images, training=False)
            content_loss = self.mse(hr_images, sr_images)
            adversarial_loss = self.bce(tf.ones_like(fake_logits), fake_logits)
            g_loss = content_loss + self.adversarial_weight * adversarial_loss + tf.add_n(self.g.losses)
        g_grads = g_tape.gradient(g_loss, self.g.trainable_variables)
        self.g_optimizer.apply_gradients(zip(g_grads, self.g.trainable_variables))
        return {'d_loss': d_loss, 'g_loss': g_loss, 'content_loss': content_loss}
