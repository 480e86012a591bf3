# Idiom seen in: dbugajny/GeneratingBoredApeYachtClub src/models/encoder.py
# What it reproduces: the ConvBlock / DeconvBlock layers the encoder and decoder are stacked from,
#   here with an L2 kernel regularizer; the VAE's own train_step never adds self.losses.
import tensorflow as tf

WEIGHT_DECAY = 1e-4


class ConvBlock(tf.keras.layers.Layer):
    def __init__(self, filters: int, kernel_size: int, strides: int, dropout_rate: float = 0.25) -> None:
        super().__init__()
        self.conv = tf.keras.layers.Conv2D(filters, kernel_size, strides=strides, padding="same",
                                           kernel_regularizer=tf.keras.regularizers.l2(WEIGHT_DECAY))  # expect: WD103
        self.normalization = tf.keras.layers.BatchNormalization()
        self.activation = tf.keras.layers.LeakyReLU()
        self.dropout = tf.keras.layers.Dropout(dropout_rate)

    def call(self, inputs: tf.Tensor, training=None) -> tf.Tensor:
        x = self.conv(inputs)
        x = self.normalization(x, training=training)
        x = self.activation(x)
        return self.dropout(x, training=training)


class DeconvBlock(tf.keras.layers.Layer):
    def __init__(self, filters: int, kernel_size: int, strides: int, dropout_rate: float = 0.25) -> None:
        super().__init__()
        self.deconv = tf.keras.layers.Conv2DTranspose(filters, kernel_size, strides=strides, padding="same",
                                                      kernel_regularizer=tf.keras.regularizers.l2(WEIGHT_DECAY))  # expect: WD103
        self.normalization = tf.keras.layers.BatchNormalization()
        self.activation = tf.keras.layers.LeakyReLU()
        self.dropout = tf.keras.layers.Dropout(dropout_rate)

    def call(self, inputs: tf.Tensor, training=None) -> tf.Tensor:
        x = self.deconv(inputs)
        x = self.normalization(x, training=training)
        x = self.activation(x)
        return self.dropout(x, training=training)
