# Idiom seen in: ryangillard/artificial_intelligence machine_learning/gan/dcgan/tf2_dcgan/dcgan_class_ctl_module/trainer/ (discriminators.py, generators.py, train.py, instantiate_model.py, model.py)
# What it reproduces: TF2 DCGAN with a hand-written (custom) training loop: generator/discriminator network classes
#   get kernel_regularizer=l1_l2(...) from params and each loss method adds sum(self.model.losses) (scaled with
#   tf.nn.scale_regularization_loss under a distribution strategy) inside the GradientTapes. Clean.
import tensorflow as tf


class Discriminator(object):
    def __init__(self, input_shape, kernel_regularizer, bias_regularizer, name, params):
        self.name = name
        self.kernel_regularizer = kernel_regularizer
        self.bias_regularizer = bias_regularizer
        self.params = params
        self.model = self._define_discriminator(input_shape)

    def _define_discriminator(self, input_shape):
        inputs = tf.keras.Input(shape=input_shape, name="{}_inputs".format(self.name))
        network = inputs
        for i, filters in enumerate(self.params["discriminator_num_filters"]):
            network = tf.keras.layers.Conv2D(
                filters=filters, kernel_size=self.params["discriminator_kernel_sizes"][i],
                strides=self.params["discriminator_strides"][i], padding="same",
                kernel_regularizer=self.kernel_regularizer, bias_regularizer=self.bias_regularizer,
                name="{}_layers_conv2d_{}".format(self.name, i))(network)
            network = tf.keras.layers.LeakyReLU(alpha=self.params["discriminator_leaky_relu_alpha"])(network)
            network = tf.keras.layers.Dropout(rate=self.params["discriminator_dropout_rates"][i])(network)
        network = tf.keras.layers.Flatten()(network)
        logits = tf.keras.layers.Dense(units=1, kernel_regularizer=self.kernel_regularizer,
                                       bias_regularizer=self.bias_regularizer,
                                       name="{}_layers_dense_logits".format(self.name))(network)
        return tf.keras.Model(inputs=inputs, outputs=logits, name=self.name)

    def get_discriminator_loss(self, global_batch_size, fake_logits, real_logits):
        bce = tf.keras.losses.BinaryCrossentropy(from_logits=True, reduction=tf.keras.losses.Reduction.NONE)
        if self.params["distribution_strategy"]:
            real_loss = tf.nn.compute_average_loss(bce(tf.ones_like(real_logits), real_logits),
                                                   global_batch_size=global_batch_size)
            fake_loss = tf.nn.compute_average_loss(bce(tf.zeros_like(fake_logits), fake_logits),
                                                   global_batch_size=global_batch_size)
            reg_loss = tf.nn.scale_regularization_loss(regularization_loss=sum(self.model.losses))
        else:
            real_loss = tf.reduce_mean(bce(tf.ones_like(real_logits), real_logits))
            fake_loss = tf.reduce_mean(bce(tf.zeros_like(fake_logits), fake_logits))
            reg_loss = sum(self.model.losses)
        return tf.math.add(real_loss + fake_loss, reg_loss, name="discriminator_total_loss")
