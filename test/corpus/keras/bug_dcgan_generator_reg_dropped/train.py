# Idiom seen in: zanemcca/dcgans src/train.py
# Idiom seen in: zanemcca/dcgans src/generator.py
# What it reproduces: the two-tape DCGAN step (gen_tape, disc_tape) with Adam for each network and a
#   tf.train.Checkpoint; disc_loss adds tf.add_n(discriminator.losses), gen_loss does not add the
#   generator's, so only the generator's regularizers are dead.
import os
import time

import tensorflow as tf

from discriminator import discriminator_loss, make_discriminator_model
from generator import generator_loss, make_generator_model
from images import generate_and_save_images

CHECKPOINT_DIR = './training_checkpoints'
CHECKPOINT_PREFIX = os.path.join(CHECKPOINT_DIR, 'ckpt')
NUM_EXAMPLES_TO_GENERATE = 16

generator = make_generator_model()
discriminator = make_discriminator_model()
generator_optimizer = tf.keras.optimizers.Adam(1e-4)
discriminator_optimizer = tf.keras.optimizers.Adam(1e-4)
checkpoint = tf.train.Checkpoint(generator_optimizer=generator_optimizer,
                                 discriminator_optimizer=discriminator_optimizer,
                                 generator=generator, discriminator=discriminator)


@tf.function
def train_step(images, batch_size, noise_dim):
    noise = tf.random.normal([batch_size, noise_dim])
    with tf.GradientTape() as gen_tape, tf.GradientTape() as disc_tape:
        generated_images = generator(noise, training=True)
        real_output = discriminator(images, training=True)
        generated_output = discriminator(generated_images, training=True)
        gen_loss = generator_loss(generated_output)
        disc_loss = discriminator_loss(real_output, generated_output) + tf.add_n(discriminator.losses)

    gradients_of_generator = gen_tape.gradient(gen_loss, generator.trainable_variables)
    gradients_of_discriminator = disc_tape.gradient(disc_loss, discriminator.trainable_variables)
    generator_optimizer.apply_gradients(zip(gradients_of_generator, generator.trainable_variables))
    discriminator_optimizer.apply_gradients(zip(gradients_of_discriminator, discriminator.trainable_variables))
    return gen_loss, disc_loss


def train(dataset, epochs, batch_size, noise_dim):
    seed = tf.random.normal([NUM_EXAMPLES_TO_GENERATE, noise_dim])
    for epoch in range(epochs):
        start = time.time()
        for images in dataset:
            gen_loss, disc_loss = train_step(images, batch_size, noise_dim)
        generate_and_save_images(generator, epoch + 1, seed)
        if (epoch + 1) % 15 == 0:
            checkpoint.save(file_prefix=CHECKPOINT_PREFIX)
        print('Time taken for epoch {} is {} sec'.format(epoch + 1, time.time() - start))
        print('Training Error - \tGenerator: {}\tDiscriminator: {}'.format(gen_loss, disc_loss))
