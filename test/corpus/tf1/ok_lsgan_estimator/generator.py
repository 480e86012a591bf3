# Idiom seen in: ryangillard/artificial_intelligence machine_learning/gan/lsgan/tf_lsgan/lsgan_module/trainer/ (lsgan.py, discriminator.py, generator.py, train.py, task.py)
# What it reproduces: Estimator LSGAN whose generator/discriminator classes receive an l1_l2 kernel_regularizer
#   built from params; each network adds tf.losses.get_regularization_loss(scope=...) to its own loss, and
#   tf.gradients of that total trains the scope. Clean: both scopes read their regularization terms.
import tensorflow as tf


class Generator(object):
    def __init__(self, kernel_regularizer, bias_regularizer, name):
        self.name = name
        self.kernel_regularizer = kernel_regularizer
        self.bias_regularizer = bias_regularizer

    def get_fake_images(self, Z, params):
        with tf.variable_scope("generator", reuse=tf.AUTO_REUSE):
            network = tf.layers.dense(Z, units=4 * 4 * params["generator_projection_dims"][-1],
                                      kernel_regularizer=self.kernel_regularizer,
                                      bias_regularizer=self.bias_regularizer, name="layers_dense_projection")
            network = tf.nn.leaky_relu(network, alpha=params["generator_leaky_relu_alpha"])
            network = tf.reshape(network, [-1, 4, 4, params["generator_projection_dims"][-1]])
            for i, filters in enumerate(params["generator_num_filters"]):
                network = tf.layers.conv2d_transpose(
                    network, filters=filters, kernel_size=params["generator_kernel_sizes"][i],
                    strides=params["generator_strides"][i], padding="same",
                    kernel_regularizer=self.kernel_regularizer, bias_regularizer=self.bias_regularizer,
                    name="layers_conv2d_tranpose_{}".format(i))
                network = tf.nn.leaky_relu(network, alpha=params["generator_leaky_relu_alpha"])
            return tf.layers.conv2d_transpose(network, filters=params["depth"], kernel_size=3, padding="same",
                                              activation=tf.nn.tanh, name="layers_conv2d_tranpose_fake_images")

    def get_generator_loss(self, fake_logits, params):
        generator_loss = tf.losses.mean_squared_error(
            labels=tf.ones_like(fake_logits) * params["loss_c"], predictions=fake_logits)
        generator_reg_loss = tf.losses.get_regularization_loss(scope="generator",
                                                               name="generator_regularization_loss")
        return tf.math.add(generator_loss, generator_reg_loss, name="generator_total_loss")
