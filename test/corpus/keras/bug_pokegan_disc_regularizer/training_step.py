# Idiom seen in: m3ngineer/ds-cookbook gan/poke-gan/training_step.py
# What it reproduces: the repository's training_step(generator, discriminator, images, k) with two tapes; the
# discriminator objective is BCE on real/fake logits only, so the l2 terms of models.Discriminator are never trained on.
import numpy as np
import tensorflow as tf

from models import Generator, Discriminator
from data import load_pokemon

cross_entropy = tf.keras.losses.BinaryCrossentropy(from_logits=True)
generator_optimizer = tf.keras.optimizers.Adam(2e-4, beta_1=0.5)
discriminator_optimizer = tf.keras.optimizers.Adam(2e-4, beta_1=0.5)


def discriminator_objective(d_x_true, d_x_fake):
    real = cross_entropy(tf.ones_like(d_x_true) * 0.9, d_x_true)
    fake = cross_entropy(tf.zeros_like(d_x_fake), d_x_fake)
    return real + fake


def generator_objective(d_x_fake):
    return cross_entropy(tf.ones_like(d_x_fake), d_x_fake)


@tf.function()
def training_step(generator, discriminator, images, k=1, batch_size=32):
    for _ in range(k):
        with tf.GradientTape() as gen_tape, tf.GradientTape() as disc_tape:
            noise = generator.generate_noise(batch_size, 100)
            g_z = generator(noise)
            d_x_true = discriminator(images)
            d_x_fake = discriminator(g_z)
            discriminator_loss = discriminator_objective(d_x_true, d_x_fake)
            generator_loss = generator_objective(d_x_fake)
        grads_d = disc_tape.gradient(discriminator_loss, discriminator.trainable_variables)
        discriminator_optimizer.apply_gradients(zip(grads_d, discriminator.trainable_variables))
        grads_g = gen_tape.gradient(generator_loss, generator.trainable_variables)
        generator_optimizer.apply_gradients(zip(grads_g, generator.trainable_variables))
    return discriminator_loss, generator_loss


def train(epochs=300, batch_size=32):
    dataset = load_pokemon('./data/pokemon', batch_size=batch_size)
    generator = Generator()
    discriminator = Discriminator()
    for epoch in range(epochs):
        d_losses, g_losses = [], []
        for images in dataset:
            d_loss, g_loss = training_step(generator, discriminator, images, k=1, batch_size=batch_size)
            d_losses.append(float(d_loss))
            g_losses.append(float(g_loss))
        print('epoch %d  d_loss %.4f  g_loss %.4f' % (epoch, np.mean(d_losses), np.mean(g_losses)))


if __name__ == '__main__':
    train()
