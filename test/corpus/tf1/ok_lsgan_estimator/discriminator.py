# Idiom seen in: ryangillard/artificial_intelligence machine_learning/gan/lsgan/tf_lsgan/lsgan_module/trainer/ (lsgan.py, discriminator.py, generator.py, train.py, task.py)
# What it reproduces: Estimator LSGAN whose generator/discriminator classes receive an l1_l2 kernel_regularizer
#   built from params; each network adds tf.losses.get_regularization_loss(scope=...) to its own loss, and
#   tf.gradients of that total trains the scope. Clean: both scopes read their regularization terms.
import tensorflow as tf


class Discriminator(object):
    def __init__(self, kernel_regularizer, bias_regularizer, name):
        self.name = name
        self.kernel_regularizer = kernel_regularizer
        self.bias_regularizer = bias_regularizer

    def get_discriminator_logits(self, X, params):
        with tf.variable_scope("discriminator", reuse=tf.AUTO_REUSE):
            network = X
            for i, filters in enumerate(params["discriminator_num_filters"]):
                network = tf.layers.conv2d(
                    network, filters=filters, kernel_size=params["discriminator_kernel_sizes"][i],
                    strides=params["discriminator_strides"][i], padding="same",
                    kernel_regularizer=self.kernel_regularizer, bias_regularizer=self.bias_regularizer,
                    name="layers_conv2d_{}".format(i))
                network = tf.nn.leaky_relu(network, alpha=params["discriminator_leaky_relu_alpha"])
                network = tf.layers.dropout(network, rate=params["discriminator_dropout_rates"][i])
            network = tf.layers.flatten(network)
            return tf.layers.dense(network, units=1, kernel_regularizer=self.kernel_regularizer,
                                   bias_regularizer=self.bias_regularizer, name="layers_dense_logits")

    def get_discriminator_loss(self, fake_logits, real_logits, params):
        real_loss = tf.losses.mean_squared_error(
            labels=tf.ones_like(real_logits) * params["loss_b"], predictions=real_logits)
        fake_loss = tf.losses.mean_squared_error(
            labels=tf.ones_like(fake_logits) * params["loss_a"], predictions=fake_logits)
        discriminator_loss = tf.add(real_loss, fake_loss, name="discriminator_loss")
        discriminator_reg_loss = tf.losses.get_regularization_loss(scope="discriminator",
                                                                   name="discriminator_reg_loss")
        return tf.math.add(discriminator_loss, discriminator_reg_loss, name="discriminator_total_loss")
