# Idiom seen in: zanemcca/dcgans src/discriminator.py
# What it reproduces: the DCGAN discriminator with l2 kernel regularizers; its loss is the real/fake
#   cross entropy (the training step adds discriminator.losses to it).
import tensorflow as tf

WEIGHT_DECAY = 1e-4


def discriminator_loss(real_output, generated_output):
    bce = tf.keras.losses.BinaryCrossentropy(from_logits=True)
    real_loss = bce(tf.ones_like(real_output), real_output)
    generated_loss = bce(tf.zeros_like(generated_output), generated_output)
    return real_loss + generated_loss


def make_discriminator_model():
    reg = tf.keras.regularizers.l2(WEIGHT_DECAY)
    model = tf.keras.Sequential()
    model.add(tf.keras.layers.Conv2D(64, (5, 5), strides=(2, 2), padding='same', input_shape=(28, 28, 1),
                                     kernel_regularizer=reg))
    model.add(tf.keras.layers.LeakyReLU())
    model.add(tf.keras.layers.Dropout(0.3))
    model.add(tf.keras.layers.Conv2D(128, (5, 5), strides=(2, 2), padding='same',
                                     kernel_regularizer=reg))
    model.add(tf.keras.layers.LeakyReLU())
    model.add(tf.keras.layers.Dropout(0.3))
    model.add(tf.keras.layers.Flatten())
    model.add(tf.keras.layers.Dense(1, kernel_regularizer=reg))
    return model
