# Idiom seen in: shadows-of-tomorrow/BasquiTensor networks/style_gan/discriminator.py
# What it reproduces: Keras Model subclass with its own train_on_batch (WGAN-GP loss, drift penalty,
#   gradient penalty) differentiated with a GradientTape over self.variables; the layers' regularization
#   losses (self.losses) are not part of d_loss.
import tensorflow as tf
from tensorflow.keras.models import Model


class Discriminator(Model):

    def __init__(self, *args, **kwargs):
        super(Discriminator, self).__init__(*args, **kwargs)
        self.d_steps = 1
        self.dp_weight = 0.001
        self.gp_weight = 10.0

    def compile(self, optimizer):
        super().compile(optimizer=optimizer)

    def train_on_batch(self, x_real, x_fake, batch_size):
        for _ in range(self.d_steps):
            with tf.GradientTape() as tape:
                y_real = self(x_real, training=True)
                y_fake = self(x_fake, training=True)
                d_loss = tf.reduce_mean(y_fake) - tf.reduce_mean(y_real)
                gp_loss = self.gp_weight * self._gradient_penalty(x_real, x_fake, batch_size)
                dp_loss = self.dp_weight * tf.reduce_mean(tf.square(y_real))
                d_loss = d_loss + gp_loss + dp_loss
            gradient = tape.gradient(d_loss, self.trainable_variables)
            self.optimizer.apply_gradients(zip(gradient, self.trainable_variables))
        return {"d_loss": float(d_loss), "gp_loss": float(gp_loss)}

    def _gradient_penalty(self, x_real, x_fake, batch_size):
        alpha = tf.random.uniform([batch_size, 1, 1, 1], 0.0, 1.0)
        x_int = (1.0 - alpha) * x_real + alpha * x_fake
        with tf.GradientTape() as tape:
            tape.watch(x_int)
            y_int = self(x_int, training=True)
        gradient = tape.gradient(y_int, [x_int])[0]
        norm = tf.sqrt(tf.reduce_sum(tf.square(gradient), axis=[1, 2, 3]))
        return tf.reduce_mean((norm - 1.0) ** 2)
