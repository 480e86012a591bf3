# Idiom seen in: drewszurko/tensorflow-WGAN-GP main.py
# What it reproduces: the WGANGP class main.py drives: the discriminator's convolutions carry an L2
#   kernel_regularizer and train_d adds tf.add_n(self.D.losses) to the critic loss it differentiates;
#   the generator has no regularizer (clean).
import os
import tensorflow as tf
import tensorflow_datasets as tfds
from absl import flags
from tensorflow import keras

FLAGS = flags.FLAGS


class DatasetPipeline(object):
    def __init__(self):
        self.dataset_name = FLAGS.dataset
        self.dataset_info = {}

    def preprocess(self, sample):
        image = tf.image.resize(tf.cast(sample['image'], tf.float32), (FLAGS.image_size, FLAGS.image_size))
        return image / 127.5 - 1.0

    def load_dataset(self):
        ds, info = tfds.load(self.dataset_name, split='train', with_info=True)
        self.dataset_info = info
        return ds.map(self.preprocess).shuffle(10000).batch(FLAGS.batch_size, drop_remainder=True)


class WGANGP(object):
    def __init__(self, dataset_info):
        self.z_size = FLAGS.z_size
        self.n_critic = FLAGS.n_critic
        self.grad_penalty_weight = FLAGS.g_penalty
        self.G = self.build_generator()
        self.D = self.build_discriminator()
        self.g_opt = keras.optimizers.Adam(FLAGS.g_lr, beta_1=0.5, beta_2=0.999)
        self.d_opt = keras.optimizers.Adam(FLAGS.d_lr, beta_1=0.5, beta_2=0.999)

    def build_generator(self):
        z = keras.Input(shape=(1, 1, self.z_size))
        x = z
        for i, filters in enumerate([512, 256, 128, 64]):
            x = keras.layers.Conv2DTranspose(filters, 4, strides=1 if i == 0 else 2,
                                             padding='valid' if i == 0 else 'same', use_bias=False)(x)
            x = keras.layers.BatchNormalization()(x)
            x = keras.layers.LeakyReLU()(x)
        x = keras.layers.Conv2DTranspose(3, 4, strides=2, padding='same', use_bias=False)(x)
        return keras.Model(z, keras.layers.Activation('tanh')(x), name='generator')

    def build_discriminator(self):
        reg = keras.regularizers.l2(1e-4)
        img = keras.Input(shape=(FLAGS.image_size, FLAGS.image_size, 3))
        x = img
        for filters in [64, 128, 256, 512]:
            x = keras.layers.Conv2D(filters, 4, strides=2, padding='same', kernel_regularizer=reg)(x)
            x = keras.layers.LeakyReLU()(x)
        x = keras.layers.Conv2D(1, 4, strides=1, padding='valid')(x)
        return keras.Model(img, keras.layers.Flatten()(x), name='discriminator')

    def gradient_penalty(self, real, fake):
        alpha = tf.random.uniform([tf.shape(real)[0], 1, 1, 1], 0.0, 1.0)
        interpolated = real + alpha * (fake - real)
        with tf.GradientTape() as t:
            t.watch(interpolated)
            pred = self.D(interpolated, training=True)
        grad = t.gradient(pred, interpolated)
        slopes = tf.sqrt(tf.reduce_sum(tf.square(grad), axis=[1, 2, 3]))
        return tf.reduce_mean((slopes - 1.0) ** 2)

    @tf.function
    def train_g(self):
        z = tf.random.normal((FLAGS.batch_size, 1, 1, self.z_size))
        with tf.GradientTape() as t:
            x_fake = self.G(z, training=True)
            fake_logits = self.D(x_fake, training=True)
            g_loss = -tf.reduce_mean(fake_logits)
        grad = t.gradient(g_loss, self.G.trainable_variables)
        self.g_opt.apply_gradients(zip(grad, self.G.trainable_variables))
        return g_loss

    @tf.function
    def train_d(self, x_real):
        z = tf.random.normal((FLAGS.batch_size, 1, 1, self.z_size))
        with tf.GradientTape() as t:
            x_fake = self.G(z, training=True)
            fake_logits = self.D(x_fake, training=True)
            real_logits = self.D(x_real, training=True)
            cost = tf.reduce_mean(fake_logits) - tf.reduce_mean(real_logits)
            gp = self.gradient_penalty(x_real, x_fake)
            d_loss = cost + self.grad_penalty_weight * gp + tf.add_n(self.D.losses)
        grad = t.gradient(d_loss, self.D.trainable_variables)
        self.d_opt.apply_gradients(zip(grad, self.D.trainable_variables))
        return d_loss

    def train(self, dataset):
        for epoch in range(FLAGS.epochs):
            for step, batch in enumerate(dataset):
                d_loss = self.train_d(batch)
                if step % self.n_critic == 0:
                    g_loss = self.train_g()
            print('epoch %d  d_loss %.4f  g_loss %.4f' % (epoch, d_loss, g_loss))
            self.G.save_weights(os.path.join(FLAGS.output_dir, 'generator_%d.h5' % epoch))
