# Idiom seen in: Irena-d/osirv_proj AvatarGAN/avatar.py
# What it reproduces: DCGAN for 96x96 avatars with Sequential generator/discriminator builders; both
#   networks have L2 kernel regularizers and the custom tf.function step adds each model's own
#   sum(model.losses) to that model's loss inside the tape. Clean.
import tensorflow as tf
from tensorflow.keras import Sequential, regularizers
from tensorflow.keras.layers import (BatchNormalization, Conv2D, Conv2DTranspose, Dense, Dropout,
                                     Flatten, LeakyReLU, Reshape)

SEED_SIZE = 100
INPUT_SHAPE = (96, 96, 3)
L2 = 1e-5
BATCH_SIZE = 32


def build_generator(seed_size):
    model = Sequential()
    model.add(Dense(4 * 4 * 256, input_dim=seed_size, kernel_regularizer=regularizers.l2(L2)))
    model.add(BatchNormalization())
    model.add(LeakyReLU())
    model.add(Reshape((4, 4, 256)))
    for filters, stride in [(256, 2), (128, 2), (64, 2), (32, 3)]:
        model.add(Conv2DTranspose(filters, 5, strides=stride, padding="same", use_bias=False,
                                  kernel_regularizer=regularizers.l2(L2)))
        model.add(BatchNormalization())
        model.add(LeakyReLU())
    model.add(Conv2DTranspose(3, 5, strides=1, padding="same", activation="tanh"))
    return model


def build_discriminator():
    model = Sequential()
    model.add(Conv2D(32, 3, strides=2, input_shape=INPUT_SHAPE, padding="same",
                     kernel_regularizer=regularizers.l2(L2)))
    model.add(LeakyReLU(0.2))
    model.add(Dropout(0.25))
    model.add(Conv2D(64, 3, strides=2, padding="same", kernel_regularizer=regularizers.l2(L2)))
    model.add(BatchNormalization(momentum=0.8))
    model.add(LeakyReLU(0.2))
    model.add(Flatten())
    model.add(Dense(1))
    return model


generator = build_generator(SEED_SIZE)
discriminator = build_discriminator()
cross_entropy = tf.keras.losses.BinaryCrossentropy(from_logits=True)
generator_optimizer = tf.keras.optimizers.Adam(1.5e-4, 0.5)
discriminator_optimizer = tf.keras.optimizers.Adam(1.5e-4, 0.5)


@tf.function
def train_step(images):
    seed = tf.random.normal([BATCH_SIZE, SEED_SIZE])
    with tf.GradientTape() as gen_tape, tf.GradientTape() as disc_tape:
        generated = generator(seed, training=True)
        real_output = discriminator(images, training=True)
        fake_output = discriminator(generated, training=True)
        gen_loss = cross_entropy(tf.ones_like(fake_output), fake_output) + tf.add_n(generator.losses)
        disc_loss = (cross_entropy(tf.ones_like(real_output), real_output)
                     + cross_entropy(tf.zeros_like(fake_output), fake_output)
                     + tf.add_n(discriminator.losses))
    g_grads = gen_tape.gradient(gen_loss, generator.trainable_variables)
    d_grads = disc_tape.gradient(disc_loss, discriminator.trainable_variables)
    generator_optimizer.apply_gradients(zip(g_grads, generator.trainable_variables))
    discriminator_optimizer.apply_gradients(zip(d_grads, discriminator.trainable_variables))
    return gen_loss, disc_loss


def train(dataset, epochs):
    for epoch in range(epochs):
        for image_batch in dataset:
            g, d = train_step(image_batch)
        print("epoch %d gen %.4f disc %.4f" % (epoch + 1, g, d))


if __name__ == "__main__":
    from avatar_data import load_faces
    train(load_faces("./faces", BATCH_SIZE), 50)
