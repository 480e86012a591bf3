# Idiom seen in: timsainb/tensorflow2-generative-models 2.0-GAN-fashion-mnist.ipynb
# What it reproduces: the notebook's GAN as a tf.keras.Model holding gen/disc Sequentials, with
#   compute_loss / compute_gradients (two GradientTapes) / apply_gradients; both networks get l2 kernel
#   regularizers, the discriminator loss adds self.disc.losses but the generator loss forgets
#   self.gen.losses, so only the discriminator is decayed (user mistake).
import numpy as np
import tensorflow as tf
from tensorflow.keras.regularizers import l2

N_Z = 64
BATCH_SIZE = 64
L2_REG = 1e-5

generator = [
    tf.keras.layers.Dense(units=7 * 7 * 64, activation="relu"),
    tf.keras.layers.Reshape(target_shape=(7, 7, 64)),
    tf.keras.layers.Conv2DTranspose(filters=64, kernel_size=3, strides=(2, 2), padding="SAME", activation="relu", kernel_regularizer=l2(L2_REG)),  # expect: WD103
    tf.keras.layers.Conv2DTranspose(filters=32, kernel_size=3, strides=(2, 2), padding="SAME", activation="relu", kernel_regularizer=l2(L2_REG)),  # expect: WD103
    tf.keras.layers.Conv2DTranspose(filters=1, kernel_size=3, strides=(1, 1), padding="SAME", activation="sigmoid"),
]

discriminator = [
    tf.keras.layers.InputLayer(input_shape=(28, 28, 1)),
    tf.keras.layers.Conv2D(filters=32, kernel_size=3, strides=(2, 2), activation="relu", kernel_regularizer=l2(L2_REG)),
    tf.keras.layers.Conv2D(filters=64, kernel_size=3, strides=(2, 2), activation="relu", kernel_regularizer=l2(L2_REG)),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(units=1, activation=None),
]


class GAN(tf.keras.Model):
    def __init__(self, **kwargs):
        super(GAN, self).__init__()
        self.__dict__.update(kwargs)
        self.gen = tf.keras.Sequential(self.gen)
        self.disc = tf.keras.Sequential(self.disc)

    def generate(self, z):
        return self.gen(z)

    def discriminate(self, x):
        return self.disc(x)

    def compute_loss(self, x):
        z_samp = tf.random.normal([x.shape[0], 1, 1, self.n_Z])
        x_gen = self.generate(z_samp)
        logits_x = self.discriminate(x)
        logits_x_gen = self.discriminate(x_gen)
        disc_real_loss = gan_loss(logits=logits_x, is_real=True)
        disc_fake_loss = gan_loss(logits=logits_x_gen, is_real=False)
        disc_loss = disc_fake_loss + disc_real_loss + tf.add_n(self.disc.losses)
        gen_loss = gan_loss(logits=logits_x_gen, is_real=True)
        return disc_loss, gen_loss

    def compute_gradients(self, x):
        with tf.GradientTape() as gen_tape, tf.GradientTape() as disc_tape:
            disc_loss, gen_loss = self.compute_loss(x)
        gen_gradients = gen_tape.gradient(gen_loss, self.gen.trainable_variables)
        disc_gradients = disc_tape.gradient(disc_loss, self.disc.trainable_variables)
        return gen_gradients, disc_gradients

    def apply_gradients(self, gen_gradients, disc_gradients):
        self.gen_optimizer.apply_gradients(zip(gen_gradients, self.gen.trainable_variables))
        self.disc_optimizer.apply_gradients(zip(disc_gradients, self.disc.trainable_variables))

    @tf.function
    def train(self, train_x):
        gen_gradients, disc_gradients = self.compute_gradients(train_x)
        self.apply_gradients(gen_gradients, disc_gradients)


def gan_loss(logits, is_real=True):
    labels = tf.ones_like(logits) if is_real else tf.zeros_like(logits)
    return tf.compat.v1.losses.sigmoid_cross_entropy(multi_class_labels=labels, logits=logits)


if __name__ == '__main__':
    (train_images, _), _ = tf.keras.datasets.fashion_mnist.load_data()
    train_images = train_images.reshape(-1, 28, 28, 1).astype("float32") / 255.0
    train_dataset = tf.data.Dataset.from_tensor_slices(train_images).shuffle(60000).batch(BATCH_SIZE, drop_remainder=True)
    model = GAN(gen=generator, disc=discriminator,
                gen_optimizer=tf.keras.optimizers.Adam(0.001, beta_1=0.5),
                disc_optimizer=tf.keras.optimizers.RMSprop(0.005), n_Z=N_Z)
    for epoch in range(50):
        for batch in train_dataset:
            model.train(batch)
        print("epoch", epoch)
