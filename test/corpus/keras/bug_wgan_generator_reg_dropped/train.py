# Idiom seen in: KUASWoodyLIN/TF2-WGAN train.py
# What it reproduces: separate @tf.function steps for the critic and the generator; the critic's loss
#   adds tf.add_n(discriminator.losses), the generator's loss is generator_loss(fake_logit) alone.
import os
from functools import partial

import tensorflow as tf
import tensorflow_datasets as tfds

from utils.dataset import parse_fn
from losses import generator_loss, discriminator_loss, gradient_penalty
from models import Generator, Discriminator

dataset = 'celeb_a'
log_dirs = 'logs_wgan'
batch_size = 64
lr = 0.0001
z_dim = 128
n_dis = 5
gradient_penalty_weight = 10.0

AUTOTUNE = tf.data.experimental.AUTOTUNE
train_data, info = tfds.load(dataset, split='train', with_info=True)
train_data = train_data.shuffle(1000).map(parse_fn, num_parallel_calls=AUTOTUNE)
train_data = train_data.batch(batch_size, drop_remainder=True).prefetch(buffer_size=AUTOTUNE)

generator = Generator((1, 1, z_dim))
discriminator = Discriminator((64, 64, 3))

g_optimizer = tf.keras.optimizers.Adam(lr, beta_1=0.5, beta_2=0.9)
d_optimizer = tf.keras.optimizers.Adam(lr, beta_1=0.5, beta_2=0.9)


@tf.function
def train_generator():
    with tf.GradientTape() as tape:
        random_vector = tf.random.normal(shape=(batch_size, 1, 1, z_dim))
        fake_img = generator(random_vector, training=True)
        fake_logit = discriminator(fake_img, training=True)
        g_loss = generator_loss(fake_logit)
    gradients = tape.gradient(g_loss, generator.trainable_variables)
    g_optimizer.apply_gradients(zip(gradients, generator.trainable_variables))
    return g_loss


@tf.function
def train_discriminator(real_img):
    with tf.GradientTape() as t:
        z = tf.random.normal(shape=(batch_size, 1, 1, z_dim))
        fake_img = generator(z, training=True)
        real_logit = discriminator(real_img, training=True)
        fake_logit = discriminator(fake_img, training=True)
        real_loss, fake_loss = discriminator_loss(real_logit, fake_logit)
        gp = gradient_penalty(partial(discriminator, training=True), real_img, fake_img)
        d_loss = (real_loss + fake_loss) + gp * gradient_penalty_weight + tf.add_n(discriminator.losses)
    D_grad = t.gradient(d_loss, discriminator.trainable_variables)
    d_optimizer.apply_gradients(zip(D_grad, discriminator.trainable_variables))
    return real_loss + fake_loss, gp


def train_wgan():
    model_dir = log_dirs + '/models/'
    os.makedirs(model_dir, exist_ok=True)
    summary_writer = tf.summary.create_file_writer(log_dirs)
    for epoch in range(25):
        for step, real_img in enumerate(train_data):
            d_loss, gp = train_discriminator(real_img)
            with summary_writer.as_default():
                tf.summary.scalar('discriminator_loss', d_loss, d_optimizer.iterations)
            if d_optimizer.iterations.numpy() % n_dis == 0:
                g_loss = train_generator()
                with summary_writer.as_default():
                    tf.summary.scalar('generator_loss', g_loss, g_optimizer.iterations)
                print('G Loss: {:.2f}\tD loss: {:.2f}\tGP Loss {:.2f}'.format(g_loss, d_loss, gp))
        generator.save_weights(model_dir + "generator-epochs-{}.h5".format(epoch))


if __name__ == '__main__':
    train_wgan()
