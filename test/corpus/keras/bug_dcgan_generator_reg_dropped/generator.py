# Idiom seen in: zanemcca/dcgans src/generator.py
# Idiom seen in: zanemcca/dcgans src/train.py
# What it reproduces: the DCGAN generator Sequential (Dense 7*7*64, BN, Conv2DTranspose stack) given
#   l2 kernel regularizers; the training step never adds generator.losses to gen_loss.
import tensorflow as tf

WEIGHT_DECAY = 1e-5


def generator_loss(generated_output):
    return tf.keras.losses.BinaryCrossentropy(from_logits=True)(tf.ones_like(generated_output),
                                                                 generated_output)


def make_generator_model():
    reg = tf.keras.regularizers.l2(WEIGHT_DECAY)
    model = tf.keras.Sequential()
    model.add(tf.keras.layers.Dense(7 * 7 * 64, use_bias=False, input_shape=(100,),
                                    kernel_regularizer=reg))  # expect: WD103
    model.add(tf.keras.layers.BatchNormalization())
    model.add(tf.keras.layers.LeakyReLU())
    model.add(tf.keras.layers.Reshape((7, 7, 64)))

    model.add(tf.keras.layers.Conv2DTranspose(64, (5, 5), strides=(1, 1), padding='same', use_bias=False,
                                              kernel_regularizer=reg))  # expect: WD103
    model.add(tf.keras.layers.BatchNormalization())
    model.add(tf.keras.layers.LeakyReLU())

    model.add(tf.keras.layers.Conv2DTranspose(32, (5, 5), strides=(2, 2), padding='same', use_bias=False,
                                              kernel_regularizer=reg))  # expect: WD103
    model.add(tf.keras.layers.BatchNormalization())
    model.add(tf.keras.layers.LeakyReLU())

    model.add(tf.keras.layers.Conv2DTranspose(1, (5, 5), strides=(2, 2), padding='same', use_bias=False,
                                              activation='tanh'))
    return model
