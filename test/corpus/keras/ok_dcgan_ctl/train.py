# Idiom seen in: ryangillard/artificial_intelligence machine_learning/gan/dcgan/tf2_dcgan/dcgan_class_ctl_module/trainer/ (discriminators.py, generators.py, train.py, instantiate_model.py, model.py)
# What it reproduces: TF2 DCGAN with a hand-written (custom) training loop: generator/discriminator network classes
#   get kernel_regularizer=l1_l2(...) from params and each loss method adds sum(self.model.losses) (scaled with
#   tf.nn.scale_regularization_loss under a distribution strategy) inside the GradientTapes. Clean.
import tensorflow as tf


class Train(object):
    """Mixin holding the gradient / update steps of the custom training loop."""

    def generator_loss_phase(self, training):
        Z = tf.random.normal(shape=[self.params["train_batch_size"], self.params["latent_size"]])
        fake_images = self.network_objects["generator"].model(Z, training=training)
        fake_logits = self.network_objects["discriminator"].model(fake_images, training=training)
        loss = self.network_objects["generator"].get_generator_loss(self.global_batch_size, fake_logits)
        return fake_images, fake_logits, loss

    def discriminator_loss_phase(self, real_images, fake_images, training):
        real_logits = self.network_objects["discriminator"].model(real_images, training=training)
        fake_logits = self.network_objects["discriminator"].model(fake_images, training=training)
        return self.network_objects["discriminator"].get_discriminator_loss(
            self.global_batch_size, fake_logits, real_logits)

    def train_network(self, variables, gradients, scope):
        if self.params["{}_clip_gradients".format(scope)]:
            gradients, _ = tf.clip_by_global_norm(gradients, self.params["{}_clip_gradients".format(scope)])
        self.optimizers[scope].apply_gradients(zip(gradients, variables))

    def train_step(self, real_images):
        with tf.GradientTape() as gen_tape, tf.GradientTape() as dis_tape:
            fake_images, _, generator_loss = self.generator_loss_phase(training=True)
            discriminator_loss = self.discriminator_loss_phase(real_images, fake_images, training=True)
        for loss, tape, scope in [(generator_loss, gen_tape, "generator"),
                                  (discriminator_loss, dis_tape, "discriminator")]:
            variables = self.network_objects[scope].model.trainable_variables
            gradients = tape.gradient(target=loss, sources=variables)
            self.train_network(variables, gradients, scope)
        return generator_loss, discriminator_loss
