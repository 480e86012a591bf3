# Idiom seen in: clovaai/stargan-v2-tensorflow StarGAN_v2.py (layer wrappers as in the repo's ops/networks module)
# What it reproduces: module-level l2 regularizers shared by thin Conv / FullyConnected wrapper layers; every
#   sub-network of the GAN is built from these wrappers, so each network carries its own model.losses.
# label-note: WD103 on the FullyConnected regularizer line: only the MappingNetwork uses FullyConnected, and its
#   regularization losses never reach the loss it is trained on (see stargan.py g_train_step). The Conv line is
#   not labelled: Generator and Discriminator losses do add their own model.losses.
import tensorflow as tf

weight_initializer = tf.initializers.RandomNormal(mean=0.0, stddev=0.02)
weight_regularizer = tf.keras.regularizers.l2(0.0001)
weight_regularizer_fully = tf.keras.regularizers.l2(0.0001)


class Conv(tf.keras.layers.Layer):
    def __init__(self, channels, kernel=3, stride=1, use_bias=True, name='Conv'):
        super(Conv, self).__init__(name=name)
        self.conv = tf.keras.layers.Conv2D(filters=channels, kernel_size=kernel, strides=stride,
                                           padding='same', use_bias=use_bias,
                                           kernel_initializer=weight_initializer,
                                           kernel_regularizer=weight_regularizer,
                                           name=name)

    def call(self, x, training=None, mask=None):
        return self.conv(x)


class FullyConnected(tf.keras.layers.Layer):
    def __init__(self, units, use_bias=True, name='FullyConnected'):
        super(FullyConnected, self).__init__(name=name)
        self.fc = tf.keras.layers.Dense(units, use_bias=use_bias,
                                        kernel_initializer=weight_initializer,
                                        kernel_regularizer=weight_regularizer_fully,  # expect: WD103
                                        name=name)

    def call(self, x, training=None, mask=None):
        x = tf.keras.layers.Flatten()(x)
        return self.fc(x)


def lrelu(x, alpha=0.2):
    return tf.nn.leaky_relu(x, alpha)
