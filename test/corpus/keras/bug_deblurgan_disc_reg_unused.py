# Idiom seen in: fabriziocacicia/DeblurGAN-TF2.0 train.py
# Idiom seen in: fabriziocacicia/DeblurGAN-TF2.0 network/discriminator.py
# What it reproduces: the repo's two-tape DeblurGAN step with an l2-regularized PatchGAN critic added by a user: the
#   critic's model.losses are summed into disc_total, which is only logged, while disc_tape.gradient still gets the
#   bare adversarial loss (a realistic slip; the repo's critic had no regularizers).
import datetime
import os
import tensorflow as tf
from tensorflow.keras import layers, regularizers

import utils
from losses import adversarial_loss, PerceptualLoss
from network.generator import Generator

LOGS_PATH = './logs/'
CRITIC_L2 = 1e-4


class Discriminator:
    def __init__(self, input_shape=(256, 256, 3), ndf=64, n_layers=3):
        inputs = layers.Input(shape=input_shape)
        x = layers.Conv2D(ndf, 4, strides=2, padding='same', kernel_regularizer=regularizers.l2(CRITIC_L2))(inputs)
        x = layers.LeakyReLU(0.2)(x)
        for n in range(1, n_layers + 1):
            mult = min(2 ** n, 8)
            x = layers.Conv2D(ndf * mult, 4, strides=2 if n < n_layers else 1, padding='same',
                              kernel_regularizer=regularizers.l2(CRITIC_L2))(x)
            x = layers.LeakyReLU(0.2)(layers.BatchNormalization()(x))
        x = layers.Conv2D(1, 4, padding='same', kernel_regularizer=regularizers.l2(CRITIC_L2))(x)
        x = layers.Dense(1024, activation='tanh')(layers.Flatten()(x))
        outputs = layers.Dense(1, activation='sigmoid')(x)
        self.model = tf.keras.Model(inputs, outputs, name='patch_gan')
        self.optimizer = tf.keras.optimizers.Adam(1e-4, beta_1=0.5, beta_2=0.999)


class Trainer:
    def __init__(self, generator, discriminator):
        self.generator = generator
        self.discriminator = discriminator
        self.perceptual_loss = PerceptualLoss()
        self.summary_writer = tf.summary.create_file_writer(
            LOGS_PATH + "train/" + datetime.datetime.now().strftime("%Y%m%d-%H%M%S"))

    @tf.function
    def training_step(self, blurred_image, sharp_image, step):
        with tf.GradientTape(persistent=True) as gen_tape, tf.GradientTape(persistent=True) as disc_tape:
            fake_sharp_image = self.generator.model(blurred_image, training=True)
            adv_loss = tf.constant(0, dtype=tf.float32)
            for _ in tf.range(5):
                adv_loss = adversarial_loss(blurred_image, fake_sharp_image, self.discriminator.model)
                disc_reg = tf.add_n(self.discriminator.model.losses)  # expect: WD105
                disc_total = adv_loss + disc_reg
                discriminator_gradients = disc_tape.gradient(adv_loss, self.discriminator.model.trainable_variables)
                self.discriminator.optimizer.apply_gradients(
                    zip(discriminator_gradients, self.discriminator.model.trainable_variables))
            content_loss = self.perceptual_loss.get_loss(sharp_image, fake_sharp_image)
            generator_gradients = gen_tape.gradient(content_loss, self.generator.model.trainable_variables)
            self.generator.optimizer.apply_gradients(
                zip(generator_gradients, self.generator.model.trainable_variables))
        with self.summary_writer.as_default():
            tf.summary.scalar('adv_loss', adv_loss, step=step)
            tf.summary.scalar('disc_total', disc_total, step=step)
            tf.summary.scalar('content_loss', content_loss, step=step)


if __name__ == '__main__':
    os.makedirs(LOGS_PATH, exist_ok=True)
    trainer = Trainer(Generator(), Discriminator())
    blur_dataset = tf.data.Dataset.list_files('./dataset/blur/*.png', shuffle=False).map(utils.process_dataset)
    sharp_dataset = tf.data.Dataset.list_files('./dataset/sharp/*.png', shuffle=False).map(utils.process_dataset)
    for step, (blurred_img, sharp_img) in enumerate(tf.data.Dataset.zip((blur_dataset, sharp_dataset))):
        trainer.training_step(tf.expand_dims(blurred_img, 0), tf.expand_dims(sharp_img, 0), tf.constant(step, tf.int64))
