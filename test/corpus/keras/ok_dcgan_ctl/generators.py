# Idiom seen in: ryangillard/artificial_intelligence machine_learning/gan/dcgan/tf2_dcgan/dcgan_class_ctl_module/trainer/ (discriminators.py, generators.py, train.py, instantiate_model.py, model.py)
# What it reproduces: TF2 DCGAN with a hand-written (custom) training loop: generator/discriminator network classes
#   get kernel_regularizer=l1_l2(...) from params and each loss method adds sum(self.model.losses) (scaled with
#   tf.nn.scale_regularization_loss under a distribution strategy) inside the GradientTapes. Clean.
import tensorflow as tf


class Generator(object):
    def __init__(self, input_shape, kernel_regularizer, bias_regularizer, name, params):
        self.name = name
        self.kernel_regularizer = kernel_regularizer
        self.bias_regularizer = bias_regularizer
        self.params = params
        self.model = self._define_generator(input_shape)

    def _define_generator(self, input_shape):
        inputs = tf.keras.Input(shape=input_shape, name="{}_inputs".format(self.name))
        proj = self.params["generator_projection_dims"]
        network = tf.keras.layers.Dense(units=proj[0] * proj[1] * proj[2],
                                        kernel_regularizer=self.kernel_regularizer,
                                        bias_regularizer=self.bias_regularizer,
                                        name="{}_projection".format(self.name))(inputs)
        network = tf.keras.layers.LeakyReLU(alpha=self.params["generator_leaky_relu_alpha"])(network)
        network = tf.keras.layers.Reshape(target_shape=proj)(network)
        for i, filters in enumerate(self.params["generator_num_filters"]):
            network = tf.keras.layers.Conv2DTranspose(
                filters=filters, kernel_size=self.params["generator_kernel_sizes"][i],
                strides=self.params["generator_strides"][i], padding="same",
                kernel_regularizer=self.kernel_regularizer, bias_regularizer=self.bias_regularizer,
                name="{}_layers_conv2d_tranpose_{}".format(self.name, i))(network)
            network = tf.keras.layers.LeakyReLU(alpha=self.params["generator_leaky_relu_alpha"])(network)
        fake_images = tf.keras.layers.Conv2D(filters=self.params["depth"], kernel_size=3, padding="same",
                                             activation="tanh", name="{}_fake_images".format(self.name))(network)
        return tf.keras.Model(inputs=inputs, outputs=fake_images, name=self.name)

    def get_generator_loss(self, global_batch_size, fake_logits):
        bce = tf.keras.losses.BinaryCrossentropy(from_logits=True, reduction=tf.keras.losses.Reduction.NONE)
        if self.params["distribution_strategy"]:
            generator_loss = tf.nn.compute_average_loss(bce(tf.ones_like(fake_logits), fake_logits),
                                                        global_batch_size=global_batch_size)
            generator_reg_loss = tf.nn.scale_regularization_loss(regularization_loss=sum(self.model.losses))
        else:
            generator_loss = tf.reduce_mean(bce(tf.ones_like(fake_logits), fake_logits))
            generator_reg_loss = sum(self.model.losses)
        return tf.math.add(generator_loss, generator_reg_loss, name="generator_total_loss")
