# Idiom seen in: nihermann/Pokemaenner AEGAN/aegan.py
# Idiom seen in: nihermann/Pokemaenner AEGAN/aegan_models.py
# What it reproduces: the AEGAN train_step override: both discriminators are updated through their
#   forward_step, then the composed AEGAN model through its own compiled_loss under a tape; none of these
#   losses includes the sub-models' regularization losses (reported in aegan_models.py, WD103).
import tensorflow as tf
from tensorflow.keras.metrics import Mean

import aegan_models


class AEGAN(tf.keras.Model):

    def __init__(self, image_shape, latentspace, batch_size, noise_generating_fn):
        super(AEGAN, self).__init__()
        self.compile()
        self.batch_size = batch_size // 8
        self.noise_generating_fn = noise_generating_fn
        self.dis_image_loss = Mean(name="dis_image_loss")
        self.dis_latent_loss = Mean(name="dis_latent_loss")
        self.aegan_loss = Mean(name="aegan_loss")

        self.generator = aegan_models.Decoder(latentspace, first_reshape_shape=[4, 4, 64], name="generator")
        self.encoder = aegan_models.Encoder(image_shape, latentspace, name="encoder")
        self.discriminator_image = aegan_models.Encoder(image_shape, 1, kernel_widths=(3, 3, 3, 3, 3, 3),
                                                        hidden_activation="leaky_relu",
                                                        output_activation="sigmoid",
                                                        name="image_discriminator")
        self.discriminator_latent = aegan_models.DiscriminatorLatent(latentspace, name="latent_discriminator")
        self.aegan = self._build_aegan()
        self._compile()

    @property
    def metrics(self):
        return [self.dis_image_loss, self.dis_latent_loss, self.aegan_loss]

    def _build_aegan(self):
        self.discriminator_image.trainable = False
        self.discriminator_latent.trainable = False
        real_img = tf.keras.layers.Input(self.encoder.input_shape[1:])
        real_z = tf.keras.layers.Input(self.generator.input_shape[1:])
        embedded = self.encoder(real_img)
        reconstructed_img = self.generator(embedded)
        generated_img = self.generator(real_z)
        reconstructed_z = self.encoder(generated_img)
        return tf.keras.Model([real_img, real_z], [
            reconstructed_img, reconstructed_z,
            self.discriminator_image(generated_img, training=False),
            self.discriminator_image(reconstructed_img, training=False),
            self.discriminator_latent(embedded, training=False),
            self.discriminator_latent(reconstructed_z, training=False)], name="AEGAN")

    def _compile(self):
        self.discriminator_latent.compile(tf.keras.optimizers.Adam(0.0005, beta_1=0.5, clipnorm=1),
                                          loss="binary_crossentropy")
        self.discriminator_image.compile(tf.keras.optimizers.Adam(0.0005, beta_1=0.5, clipnorm=1),
                                         loss="binary_crossentropy")
        self.aegan.compile(tf.keras.optimizers.Adam(0.0002, beta_1=0.5, clipnorm=1),
                           loss=["mae", "mse"] + ["binary_crossentropy"] * 4,
                           loss_weights=[10, 5, 1, 1, 1, 1])

    def train_step(self, real_image_batches):
        data = tf.split(real_image_batches, 8, axis=0)
        self.discriminator_latent.trainable = True
        self.discriminator_image.trainable = True
        real_labels = tf.ones((self.batch_size, 1)) * 0.95
        fake_labels = tf.ones((self.batch_size, 1)) * 0.05

        dis_image_loss = self.discriminator_image.forward_step(data[0], real_labels)
        fake = self.generator(self.noise_generating_fn(self.batch_size))
        dis_image_loss += self.discriminator_image.forward_step(fake, fake_labels)
        self.dis_image_loss.update_state(dis_image_loss / 2)

        dis_latent_loss = self.discriminator_latent.forward_step(
            self.noise_generating_fn(self.batch_size), real_labels)
        dis_latent_loss += self.discriminator_latent.forward_step(self.encoder(data[1]), fake_labels)
        self.dis_latent_loss.update_state(dis_latent_loss / 2)

        self.discriminator_latent.trainable = False
        self.discriminator_image.trainable = False
        labels_g = tf.ones((self.batch_size, 1))
        for batch in data[2:6]:
            latent = self.noise_generating_fn(self.batch_size)
            with tf.GradientTape() as tape:
                outputs = self.aegan([batch, latent])
                loss = self.aegan.compiled_loss([batch, latent] + [labels_g] * 4, outputs)
            gradients = tape.gradient(loss, self.aegan.trainable_variables)
            self.aegan.optimizer.apply_gradients(zip(gradients, self.aegan.trainable_variables))
            self.aegan_loss.update_state(loss)
        return {m.name: m.result() for m in self.metrics}
