# Idiom seen in: poloarol/small-molecules src/models/gans (the WGAN-GP subclass of the abstract GAN)
# What it reproduces: a train_step override with one tape per player. The critic's loss is Wasserstein loss +
#   gradient penalty (on interpolated INPUTS, not a weight penalty) + tf.add_n(self.discriminator.losses), the
#   critic's own l2 kernel terms; the generator has no regularizers and its loss rightly leaves the critic's
#   regularization out (only generator weights are updated from it).
# label-note: clean. The regularizers (networks.py) reach the critic's minimized loss; Adam without weight_decay.
import tensorflow as tf

from models.gans.gan import GAN


class WGANGP(GAN):
    def _loss_discriminator(self, real_logits, fake_logits):
        return tf.reduce_mean(fake_logits) - tf.reduce_mean(real_logits)

    def _loss_generator(self, fake_logits):
        return -tf.reduce_mean(fake_logits)

    def _gradient_penalty(self, real_inputs, fake_inputs):
        batch_size = tf.shape(real_inputs[0])[0]
        alpha = tf.random.uniform([batch_size])
        interpolated = []
        for r, f in zip(real_inputs, fake_inputs):
            a = tf.reshape(alpha, [-1] + [1] * (len(r.shape) - 1))
            interpolated.append(a * r + (1.0 - a) * f)
        with tf.GradientTape() as gp_tape:
            gp_tape.watch(interpolated)
            logits = self.discriminator(interpolated, training=True)
        grads = gp_tape.gradient(logits, interpolated)
        norms = tf.sqrt(sum(tf.reduce_sum(tf.square(g), axis=list(range(1, len(g.shape)))) for g in grads) + 1e-12)
        return tf.reduce_mean(tf.square(norms - 1.0))

    def train_step(self, inputs):
        if isinstance(inputs, tuple):
            inputs = inputs[0]
        adjacency, features = inputs
        batch_size = tf.shape(adjacency)[0]

        for _ in range(self.discriminator_steps):
            z = tf.random.normal((batch_size, self.latent_dim))
            with tf.GradientTape() as tape:
                fake_adjacency, fake_features = self.generator(z, training=True)
                real_logits = self.discriminator([adjacency, features], training=True)
                fake_logits = self.discriminator([fake_adjacency, fake_features], training=True)
                d_loss = self._loss_discriminator(real_logits, fake_logits)
                d_loss += self.gp_weight * self._gradient_penalty([adjacency, features],
                                                                  [fake_adjacency, fake_features])
                if self.discriminator.losses:
                    d_loss += tf.add_n(self.discriminator.losses)
            grads = tape.gradient(d_loss, self.discriminator.trainable_weights)
            self.d_optimizer.apply_gradients(zip(grads, self.discriminator.trainable_weights))

        for _ in range(self.generator_steps):
            z = tf.random.normal((batch_size, self.latent_dim))
            with tf.GradientTape() as tape:
                fake_logits = self.discriminator(self.generator(z, training=True), training=True)
                g_loss = self._loss_generator(fake_logits)
            grads = tape.gradient(g_loss, self.generator.trainable_weights)
            self.g_optimizer.apply_gradients(zip(grads, self.generator.trainable_weights))

        return {"d_loss": d_loss, "g_loss": g_loss}
