# Idiom seen in: shadows-of-tomorrow/BasquiTensor networks/style_gan/discriminator.py
# What it reproduces: a constructor module that builds the progressive discriminator as a functional graph
#   and wraps it in the Discriminator model class; the conv/dense layers get an L2 kernel regularizer
#   from the config. Discriminator.train_on_batch (discriminator.py) never adds self.losses.
import tensorflow as tf
from tensorflow.keras import layers

from networks.style_gan.discriminator import Discriminator


def _conv(x, filters, kernel, l2_weight, name):
    x = layers.Conv2D(filters, kernel, padding="same", name=name,
                      kernel_regularizer=tf.keras.regularizers.l2(l2_weight))(x)  # expect: WD103
    return layers.LeakyReLU(0.2)(x)


def construct_discriminator(config):
    res = config["resolution"]
    l2_weight = config.get("d_l2", 1e-5)
    x_in = layers.Input(shape=(res, res, 3))
    x = _conv(x_in, config["filters"][0], 1, l2_weight, "from_rgb")
    for i, f in enumerate(config["filters"]):
        x = _conv(x, f, 3, l2_weight, "block%d_conv1" % i)
        x = _conv(x, f, 3, l2_weight, "block%d_conv2" % i)
        x = layers.AveragePooling2D()(x)
    x = layers.Flatten()(x)
    x = layers.Dense(config["filters"][-1], name="dense",
                     kernel_regularizer=tf.keras.regularizers.l2(l2_weight))(x)  # expect: WD103
    x = layers.LeakyReLU(0.2)(x)
    y = layers.Dense(1, name="score")(x)
    return Discriminator(inputs=x_in, outputs=y, name="discriminator")
