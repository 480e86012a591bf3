# Idiom seen in: TheUnsolvedDev/TensorflowAI ComputerVision/GenerativeAdvesarialNetworks/2_DeepConvolutionalGAN/model.py
# What it reproduces: the repo's DCGAN keras.Model with two tape steps run through strategy.run; a user
#   mistake in that idiom: the discriminator's Conv2D/Dense layers get kernel_regularizer=l2(...), but
#   disc_loss is only the two cross entropies and never adds self.discriminator.losses (WD103 on each).
import tensorflow as tf

from config import *


class GAN(tf.keras.Model):
    def __init__(self, strategy, input_shape, latent_dim, batch_size):
        super().__init__()
        self.strategy = strategy
        self.image_shape = input_shape
        self.latent_dim = latent_dim
        self.batch_size = batch_size
        self.cross_entropy = tf.keras.losses.BinaryCrossentropy(from_logits=True)
        with self.strategy.scope():
            self.generator = self.build_generator()
            self.discriminator = self.build_discriminator()
            self.generator_optimizer = tf.keras.optimizers.Adam(GENERATOR_LEARNING_RATE, beta_1=0.0, beta_2=0.9)
            self.discriminator_optimizer = tf.keras.optimizers.Adam(DISCRIMINATOR_LEARNING_RATE)

    def build_generator(self):
        inputs = tf.keras.layers.Input(shape=(self.latent_dim[0],))
        h, w = self.image_shape[0] // 4, self.image_shape[1] // 4
        x = tf.keras.layers.Dense(h * w * 64, use_bias=False)(inputs)
        x = tf.keras.layers.LeakyReLU()(tf.keras.layers.BatchNormalization()(x))
        x = tf.keras.layers.Reshape((h, w, 64))(x)
        x = tf.keras.layers.Conv2DTranspose(128, (5, 5), strides=(2, 2), padding='same', use_bias=False)(x)
        x = tf.keras.layers.LeakyReLU()(tf.keras.layers.BatchNormalization()(x))
        x = tf.keras.layers.Conv2DTranspose(64, (5, 5), strides=(2, 2), padding='same', use_bias=False)(x)
        x = tf.keras.layers.LeakyReLU()(tf.keras.layers.BatchNormalization()(x))
        outputs = tf.keras.layers.Conv2DTranspose(self.image_shape[2], (5, 5), padding='same', use_bias=False,
                                                  activation='tanh')(x)
        return tf.keras.Model(inputs, outputs, name="generator")

    def build_discriminator(self):
        reg = tf.keras.regularizers.l2(DISC_WEIGHT_DECAY)
        inputs = tf.keras.layers.Input(shape=self.image_shape)
        x = tf.keras.layers.Conv2D(64, (5, 5), strides=(2, 2), padding='same', kernel_regularizer=reg)(inputs)  # expect: WD103
        x = tf.keras.layers.Dropout(0.3)(tf.keras.layers.LeakyReLU()(x))
        x = tf.keras.layers.Conv2D(128, (5, 5), strides=(2, 2), padding='same', kernel_regularizer=reg)(x)  # expect: WD103
        x = tf.keras.layers.Dropout(0.3)(tf.keras.layers.LeakyReLU()(x))
        x = tf.keras.layers.Flatten()(x)
        outputs = tf.keras.layers.Dense(1, kernel_regularizer=reg)(x)  # expect: WD103
        return tf.keras.Model(inputs, outputs, name="discriminator")

    @tf.function
    def train_generator_step(self, noise):
        with tf.GradientTape() as gen_tape:
            fake_output = self.discriminator(self.generator(noise, training=True), training=True)
            gen_loss = self.cross_entropy(tf.ones_like(fake_output), fake_output)
        grads = gen_tape.gradient(gen_loss, self.generator.trainable_variables)
        self.generator_optimizer.apply_gradients(zip(grads, self.generator.trainable_variables))
        return gen_loss

    @tf.function
    def train_discriminator_step(self, real_images):
        noise = tf.random.normal([tf.shape(real_images)[0], self.latent_dim[0]])
        with tf.GradientTape() as disc_tape:
            generated_images = self.generator(noise, training=True)
            real_output = self.discriminator(real_images, training=True)
            fake_output = self.discriminator(generated_images, training=True)
            disc_loss = (self.cross_entropy(tf.ones_like(real_output), real_output) +
                         self.cross_entropy(tf.zeros_like(fake_output), fake_output))
        grads = disc_tape.gradient(disc_loss, self.discriminator.trainable_variables)
        self.discriminator_optimizer.apply_gradients(zip(grads, self.discriminator.trainable_variables))
        return disc_loss

    @tf.function
    def dist_generator_step(self, noise):
        per_replica = self.strategy.run(self.train_generator_step, args=(noise,))
        return self.strategy.reduce(tf.distribute.ReduceOp.MEAN, per_replica, axis=None)

    @tf.function
    def dist_discriminator_step(self, images):
        per_replica = self.strategy.run(self.train_discriminator_step, args=(images,))
        return self.strategy.reduce(tf.distribute.ReduceOp.MEAN, per_replica, axis=None)

    def fit(self, dataset, epochs):
        for epoch in range(epochs):
            for step, image_batch in enumerate(dataset):
                noise = tf.random.normal([self.batch_size, self.latent_dim[0]])
                disc_loss = self.dist_discriminator_step(image_batch)
                gen_loss = self.dist_generator_step(noise)
            print('epoch %d: G %.4f D %.4f' % (epoch + 1, float(gen_loss), float(disc_loss)))
