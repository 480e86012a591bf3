# Idiom seen in: m3ngineer/ds-cookbook gan/poke-gan/training_step.py
# What it reproduces: subclassed Keras Generator/Discriminator for a Pokemon DCGAN; the discriminator's convs carry
# l2 kernel_regularizers (a user's addition). They are trained by the custom training_step in training_step.py,
# whose discriminator loss leaves discriminator.losses out.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers, regularizers

WEIGHT_DECAY = 2.5e-5


class Generator(keras.Model):

    def __init__(self, noise_dim=100):
        super().__init__()
        self.noise_dim = noise_dim
        self.fc = layers.Dense(8 * 8 * 256, use_bias=False)
        self.bn0 = layers.BatchNormalization()
        self.up1 = layers.Conv2DTranspose(128, 5, strides=2, padding='same', use_bias=False)
        self.bn1 = layers.BatchNormalization()
        self.up2 = layers.Conv2DTranspose(64, 5, strides=2, padding='same', use_bias=False)
        self.bn2 = layers.BatchNormalization()
        self.out = layers.Conv2DTranspose(3, 5, strides=2, padding='same', activation='tanh')

    def generate_noise(self, batch_size, noise_dim):
        return tf.random.normal([batch_size, noise_dim])

    def call(self, z, training=True):
        x = tf.nn.relu(self.bn0(self.fc(z), training=training))
        x = tf.reshape(x, [-1, 8, 8, 256])
        x = tf.nn.relu(self.bn1(self.up1(x), training=training))
        x = tf.nn.relu(self.bn2(self.up2(x), training=training))
        return self.out(x)


class Discriminator(keras.Model):

    def __init__(self):
        super().__init__()
        self.c1 = layers.Conv2D(64, 5, strides=2, padding='same',
                                kernel_regularizer=regularizers.l2(WEIGHT_DECAY))  # expect: WD103
        self.c2 = layers.Conv2D(128, 5, strides=2, padding='same',
                                kernel_regularizer=regularizers.l2(WEIGHT_DECAY))  # expect: WD103
        self.c3 = layers.Conv2D(256, 5, strides=2, padding='same',
                                kernel_regularizer=regularizers.l2(WEIGHT_DECAY))  # expect: WD103
        self.flat = layers.Flatten()
        self.logit = layers.Dense(1)

    def call(self, x, training=True):
        x = tf.nn.leaky_relu(self.c1(x), 0.2)
        x = tf.nn.leaky_relu(self.c2(x), 0.2)
        x = tf.nn.leaky_relu(self.c3(x), 0.2)
        return self.logit(self.flat(x))
